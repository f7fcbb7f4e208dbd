using System.Text;

namespace GrokFactsBot.LocalChat;

/// <summary>Wraps console text to the terminal's width at spaces, keeping each line's indent on its continuations.</summary>
public static class ConsoleText
{
    /// <summary>No wrapping when <paramref name="width"/> is not a usable terminal width (piped output).</summary>
    public static string Wrap(string text, int width)
    {
        if (width < 20)
            return text;
        var output = new StringBuilder(text.Length + 64);
        foreach (var line in text.Split('\n'))
        {
            if (output.Length > 0)
                output.Append('\n');
            WrapLine(line, width, output);
        }
        return output.ToString();
    }

    private static void WrapLine(string line, int width, StringBuilder output)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        var hanging = new string(' ', Math.Min(indent + 2, width / 2));
        var current = new StringBuilder(line[..indent]);
        var atLineStart = true;
        foreach (var word in line[indent..].Split(' '))
        {
            if (!atLineStart && current.Length + 1 + word.Length > width)
            {
                output.Append(current).Append('\n');
                current.Clear().Append(hanging);
                atLineStart = true;
            }
            if (!atLineStart)
                current.Append(' ');
            // A word longer than the line is left whole: breaking a URL would make it unusable.
            current.Append(word);
            atLineStart = false;
        }
        output.Append(current);
    }
}
