using System.Security.Cryptography;
using LiteDB;

namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// The secret that signs button ids, made once and kept in the database so buttons keep working across restarts;
/// a new database retires every older button (they read as altered, and the user is told to ask again).
/// </summary>
public sealed class ActionKey
{
    private const string Id = "action-key";

    public ActionKey(ILiteDatabase database)
    {
        var secrets = database.GetCollection("bot_secrets");
        if (secrets.FindById(Id) is { } doc && doc["key"].IsBinary && doc["key"].AsBinary.Length == 32)
        {
            Bytes = doc["key"].AsBinary;
            return;
        }
        Bytes = RandomNumberGenerator.GetBytes(32);
        secrets.Upsert(new BsonDocument { ["_id"] = Id, ["key"] = new BsonValue(Bytes) });
    }

    public ActionKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }
}
