using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>A reply's buttons as Discord message components: one row, secondary style.</summary>
public static class ComponentRenderer
{
    public static IReadOnlyList<ActionRow>? Rows(IReadOnlyList<ButtonSpec> buttons) =>
        buttons.Count == 0
            ? null
            :
            [
                new ActionRow(
                    buttons
                        .Take(ReplyButtons.MaxButtons)
                        .Select(b => new Button(
                            DiscordText.Truncate(b.Label, 80),
                            b.Token,
                            b.Disabled ? true : null
                        ))
                        .ToList()
                ),
            ];
}
