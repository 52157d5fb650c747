using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LeerlingzorgPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore.Query;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The cell a row of a report's source is counted in: its location, and its row and column in the table.</summary>
internal sealed class FigureKey
{
    public int LocationId { get; init; }

    public int Row { get; init; }

    public int Column { get; init; }
}

/// <summary>
/// One cell of a report table as the database counts it: which figure (table), location, row and column;
/// how many rows fell in it and how many of them had the second and third flag. All columns are integers,
/// so the cells of different tables travel in one UNION ALL.
/// </summary>
internal sealed class FigureCell
{
    public int Figure { get; init; }

    public int LocationId { get; init; }

    public int Row { get; init; }

    public int Column { get; init; }

    public int Count { get; init; }

    public int Second { get; init; }

    public int Third { get; init; }
}

/// <summary>
/// Counts a whole table in one GROUP BY (ADR 0028): each row is placed in its table row and column by a CASE the
/// database evaluates (<see cref="IndexIn{T, TValue}"/>, <see cref="MonthOf{T}"/>), then grouped per location, row and
/// column. The counts of several tables can be sent as one command with <see cref="Queryable.Concat{TSource}"/>.
/// </summary>
internal static class FigureCells
{
    /// <summary>
    /// The cells of figure <paramref name="figure"/>: each row counted at its location and in its row and column (from
    /// <paramref name="row"/> and <paramref name="column"/>, 0 when not given), with the sums of <paramref name="second"/>
    /// and <paramref name="third"/> (0/1 flags, conditional counts). The GROUP BY key and the aggregates are built as
    /// expression trees straight over the source, the form EF Core translates on both providers (also inside a UNION ALL).
    /// </summary>
    public static IQueryable<FigureCell> Count<T>(IQueryable<T> rows, int figure, Expression<Func<T, int>> location,
        Expression<Func<T, int>>? row = null, Expression<Func<T, int>>? column = null,
        Expression<Func<T, int>>? second = null, Expression<Func<T, int>>? third = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(location);
        var item = location.Parameters[0];
        var key = Expression.Lambda<Func<T, FigureKey>>(
            Expression.MemberInit(Expression.New(typeof(FigureKey)),
                Expression.Bind(typeof(FigureKey).GetProperty(nameof(FigureKey.LocationId))!, location.Body),
                Expression.Bind(typeof(FigureKey).GetProperty(nameof(FigureKey.Row))!, Inline(row, item)),
                Expression.Bind(typeof(FigureKey).GetProperty(nameof(FigureKey.Column))!, Inline(column, item))),
            item);
        Expression<Func<IGrouping<FigureKey, T>, int, Func<T, int>, Func<T, int>, FigureCell>> cell = (g, number, flag2, flag3) => new FigureCell
        {
            Figure = number,
            LocationId = g.Key.LocationId,
            Row = g.Key.Row,
            Column = g.Key.Column,
            Count = g.Count(),
            Second = g.Sum(flag2),
            Third = g.Sum(flag3),
        };
        Expression<Func<T, int>> none = _ => 0;
        var body = ReplacingExpressionVisitor.Replace(cell.Parameters[1], Expression.Constant(figure), cell.Body);
        body = ReplacingExpressionVisitor.Replace(cell.Parameters[2], second ?? none, body);
        body = ReplacingExpressionVisitor.Replace(cell.Parameters[3], third ?? none, body);
        return rows.GroupBy(key).Select(Expression.Lambda<Func<IGrouping<FigureKey, T>, FigureCell>>(body, cell.Parameters[0]));
    }

    /// <summary>
    /// Where a value stands in <paramref name="values"/>, as <see cref="Array.IndexOf{T}(T[], T)"/> gives it (-1 when
    /// absent), as a CASE in SQL. The values go in as constants: enum members, which every provider writes as it stores them.
    /// </summary>
    public static Expression<Func<T, int>> IndexIn<T, TValue>(Expression<Func<T, TValue>> value, IReadOnlyList<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(values);
        Expression body = Expression.Constant(-1);
        for (var i = values.Count - 1; i >= 0; i--)
        {
            body = Expression.Condition(Expression.Equal(value.Body, Expression.Constant(values[i], typeof(TValue))), Expression.Constant(i), body);
        }

        return Expression.Lambda<Func<T, int>>(body, value.Parameters);
    }

    /// <summary>
    /// The number of the month (0 for the first) a moment falls in, for a moment already within the period: a CASE
    /// comparing it with the months' ends, which go in as parameters. Stored moments are only compared, never taken
    /// apart, so this works on SQLite's binary moments as on PostgreSQL's timestamps (ADR 0014).
    /// </summary>
    public static Expression<Func<T, int>> MonthOf<T>(Expression<Func<T, DateTimeOffset>> moment, IReadOnlyList<ReportMonth> months)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(months);
        Expression body = Expression.Constant(Math.Max(months.Count - 1, 0));
        for (var m = months.Count - 2; m >= 0; m--)
        {
            // A field of an object held in the tree, like a captured variable: EF Core sends it as a parameter.
            var end = new StrongBox<DateTimeOffset>(new DateTimeOffset(months[m].End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            body = Expression.Condition(
                Expression.LessThan(moment.Body, Expression.Field(Expression.Constant(end), nameof(StrongBox<DateTimeOffset>.Value))),
                Expression.Constant(m), body);
        }

        return Expression.Lambda<Func<T, int>>(body, moment.Parameters);
    }

    /// <summary>The counts of one figure as the array <see cref="ReportTables"/> takes: [location, row, column].</summary>
    public static int[,,] Counts(IEnumerable<FigureCell> cells, int figure, ReportScope scope, int rows, int columns,
        Func<FigureCell, int> value)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(value);
        var counts = new int[scope.Count, rows, columns];
        foreach (var cell in cells.Where(c => c.Figure == figure))
        {
            counts[scope.IndexOf(cell.LocationId), cell.Row, cell.Column] += value(cell);
        }

        return counts;
    }

    private static Expression Inline<T>(Expression<Func<T, int>>? selector, ParameterExpression item) =>
        selector is null ? Expression.Constant(0) : ReplacingExpressionVisitor.Replace(selector.Parameters[0], item, selector.Body);
}
