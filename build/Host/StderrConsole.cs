using Cake.Core;

namespace RealmCi.Build.Host;

/// <summary>
/// Cake's console, pointed at standard error: Cake's log and task headers go there, so
/// standard output carries only what a target produces (e.g. the matrix as JSON).
/// </summary>
internal sealed class StderrConsole : IConsole
{
    public ConsoleColor ForegroundColor { get => Console.ForegroundColor; set => Console.ForegroundColor = value; }
    public ConsoleColor BackgroundColor { get => Console.BackgroundColor; set => Console.BackgroundColor = value; }
    public bool SupportAnsiEscapeCodes => false;
    public void Write(string format, params object[] arg) => Console.Error.Write(format, arg);
    public void Write(string value) => Console.Error.Write(value);
    public void WriteLine(string format, params object[] arg) => Console.Error.WriteLine(format, arg);
    public void WriteLine(string value) => Console.Error.WriteLine(value);
    public void WriteError(string format, params object[] arg) => Console.Error.Write(format, arg);
    public void WriteError(string value) => Console.Error.Write(value);
    public void WriteErrorLine(string format, params object[] arg) => Console.Error.WriteLine(format, arg);
    public void WriteErrorLine(string value) => Console.Error.WriteLine(value);
    public void ResetColor() => Console.ResetColor();
}
