namespace RealmCi.Execution;

/// <summary>POSIX shell quoting, only for text a person reads or pastes (reproduce.sh); never to run a command.</summary>
public static class ShellQuote
{
    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";

    public static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));
}
