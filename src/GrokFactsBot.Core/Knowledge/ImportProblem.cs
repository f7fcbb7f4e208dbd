namespace GrokFactsBot.Core.Knowledge;

/// <summary>One thing wrong with a knowledge file, where a person can find it.</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
