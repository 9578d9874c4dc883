namespace RealmCi.Matrix;

/// <summary>
/// <c>--only-available</c>: evaluates rows of the expanded matrix against the host's offer,
/// once each, and remembers the rows it rejected (in expansion order) so the selection can
/// say what it left out and why.
/// </summary>
internal sealed class RowAvailability
{
    private readonly ExpandedMatrix matrix;
    private readonly SelectionOptions options;
    private readonly HostOffer offer;
    private readonly Dictionary<int, (BuildConfiguration Configuration, Availability Availability)> seen = [];

    private RowAvailability(ExpandedMatrix matrix, SelectionOptions options, HostOffer offer)
    {
        this.matrix = matrix;
        this.options = options;
        this.offer = offer;
    }

    /// <summary>Null unless <c>--only-available</c> was asked for.</summary>
    public static RowAvailability? For(ExpandedMatrix matrix, SelectionOptions options)
    {
        if (!options.OnlyAvailable) return null;
        var offer = options.Offer ?? throw new InvalidOperationException("--only-available needs the host's offer (SelectionOptions.Offer)");
        return new RowAvailability(matrix, options, offer);
    }

    public bool Keep(int row) => Evaluate(row).Availability.IsAvailable;

    /// <summary>The rows evaluated and rejected, in expansion order.</summary>
    public IEnumerable<int> LeftOut => seen.Where(e => !e.Value.Availability.IsAvailable).Select(e => e.Key).Order();

    public LeftOut Describe(int row)
    {
        var (configuration, availability) = Evaluate(row);
        return new LeftOut(configuration, availability);
    }

    private (BuildConfiguration Configuration, Availability Availability) Evaluate(int row)
    {
        if (seen.TryGetValue(row, out var known)) return known;
        var configuration = ConfigurationResolver.Resolve(matrix, matrix.Rows[row], options.CommandLine);
        return seen[row] = (configuration, Availability.Of(configuration, offer));
    }
}
