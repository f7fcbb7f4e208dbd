using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Tests.Answers;
using Xunit.Abstractions;

namespace GrokFactsBot.Core.Tests.Evaluation;

/// <summary>The evaluation over the shipped knowledge/ folder, answered on 1 December 2026.</summary>
public sealed class EvaluationTests(RealKnowledge shipped, ITestOutputHelper output) : IClassFixture<RealKnowledge>
{
    public static TheoryData<int> RowNumbers()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < EvaluationTable.Rows.Length; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public void Each_row_holds(int row)
    {
        var expected = EvaluationTable.Rows[row];
        Assert.Null(expected.Check(shipped.Kb.Run(expected.Question)));
    }

    /// <summary>
    /// Every model of the base, named by its name and by its id: a cited card that leads with that model, and a
    /// parameters answer about that model and no other.
    /// </summary>
    [Fact]
    public void Every_model_in_the_base_answers_about_itself_with_citations()
    {
        var problems = new List<string>();
        foreach (var model in shipped.Kb.Store.AllModels())
        {
            var card = shipped.Kb.Run($"model {model.Id}");
            if (card.Kind != AnswerKind.Facts || card.Lead?.Answer.StartsWith(model.Name, StringComparison.Ordinal) != true)
                problems.Add($"model {model.Id}: {card.Title}");
            else if (card.Citations.Count == 0)
                problems.Add($"model {model.Id}: no citation");
            var byName = shipped.Kb.Run($"params {model.Name}");
            if (!byName.Title.StartsWith(model.Name + ":", StringComparison.Ordinal))
                problems.Add($"params {model.Name}: {byName.Title}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void The_score_is_every_row()
    {
        var failures = EvaluationTable
            .Rows.Select(row => row.Check(shipped.Kb.Run(row.Question)))
            .OfType<string>()
            .ToList();
        var byClass = EvaluationTable
            .Rows.GroupBy(r => r.Class)
            .Select(g => $"{g.Key}: {g.Count()}")
            .ToList();
        output.WriteLine(
            $"Evaluation: {EvaluationTable.Rows.Length - failures.Count}/{EvaluationTable.Rows.Length} rows pass ({string.Join(", ", byClass)})"
        );
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.True(EvaluationTable.Rows.Length >= 150, "the evaluation needs at least 150 rows");
        Assert.Empty(failures);
    }
}
