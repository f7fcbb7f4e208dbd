namespace GrokFactsBot.Operations;

/// <summary>
/// Secrets kept in files rather than in the environment: one file per setting, named like the environment variable
/// (<c>Discord__BotToken</c>). Docker and compose mount them at /run/secrets; systemd's LoadCredential= puts them in
/// $CREDENTIALS_DIRECTORY. Either folder is read only when it exists; a file there overrides the environment.
/// </summary>
internal static class SecretFiles
{
    public const string ContainerSecrets = "/run/secrets";

    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration)
    {
        foreach (var folder in Folders().Where(Directory.Exists))
            configuration.AddKeyPerFile(folder, optional: true, reloadOnChange: false);
        return configuration;
    }

    private static IEnumerable<string> Folders()
    {
        yield return ContainerSecrets;
        if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } systemdCredentials)
            yield return systemdCredentials;
    }
}
