namespace RealmCi.Matrix;

/// <summary>
/// Chooses a small subset of valid rows that covers every value (<see cref="CoverageStrategy.Each"/>)
/// or every valid pair of values of two axes (<see cref="CoverageStrategy.Pairwise"/>).
/// Candidates are the valid rows themselves, so constraints and excludes are respected by
/// construction and only pairs that some valid row has are required.
///
/// Greedy set cover, evaluated lazily: a row's gain (uncovered items it would cover) only
/// falls as rows are chosen, so a stale gain is an upper bound; the heap's top is re-scored
/// and taken when it still beats every other bound. Ties go to a fixed pseudo-random order
/// of the rows (a hash of the index) rather than to the first row, which avoids the
/// lexicographic clustering of plain greedy; the result is deterministic.
/// </summary>
public static class Coverage
{
    public static List<int> Choose(IReadOnlyList<Axis> axes, IReadOnlyList<int[]> candidates, CoverageStrategy strategy, IEnumerable<int>? forced = null)
    {
        if (strategy is CoverageStrategy.All) return [.. Enumerable.Range(0, candidates.Count)];
        if (strategy is CoverageStrategy.None) return [];
        var items = new ItemSpace(axes, strategy == CoverageStrategy.Pairwise ? 2 : 1);
        var needed = new bool[items.Count];
        foreach (var row in candidates) items.ForEach(row, id => needed[id] = true);

        var chosen = new List<int>();
        var taken = new bool[candidates.Count];
        void Take(int index)
        {
            if (taken[index]) return;
            taken[index] = true;
            chosen.Add(index);
            items.ForEach(candidates[index], id => needed[id] = false);
        }
        foreach (var f in forced ?? []) Take(f);

        int Gain(int index)
        {
            var gain = 0;
            items.ForEach(candidates[index], id => { if (needed[id]) gain++; });
            return gain;
        }

        var heap = new PriorityQueue<int, (int NegGain, uint Tie)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
            if (!taken[i]) heap.Enqueue(i, (-Gain(i), Scramble(i)));

        while (heap.TryDequeue(out var index, out var bound))
        {
            var gain = Gain(index);
            if (gain == 0) continue;
            // A fresh gain equal to its bound beats every other bound (ties: earlier in the fixed order).
            if (gain == -bound.NegGain) Take(index);
            else heap.Enqueue(index, (-gain, bound.Tie));
        }
        chosen.Sort();
        return chosen;
    }

    /// <summary>Every value pair (or value) a row has, by number.</summary>
    internal sealed class ItemSpace
    {
        private readonly int[] sizes;
        private readonly int[,] offsets;
        private readonly int strength;

        public ItemSpace(IReadOnlyList<Axis> axes, int strength)
        {
            this.strength = strength;
            sizes = axes.Select(a => a.Values.Length).ToArray();
            offsets = new int[sizes.Length, sizes.Length];
            var next = 0;
            if (strength == 1)
                for (var i = 0; i < sizes.Length; i++) { offsets[i, i] = next; next += sizes[i]; }
            else
                for (var i = 0; i < sizes.Length; i++)
                    for (var j = i + 1; j < sizes.Length; j++) { offsets[i, j] = next; next += sizes[i] * sizes[j]; }
            Count = next;
        }

        public int Count { get; }

        public void ForEach(int[] row, Action<int> visit)
        {
            if (strength == 1)
            {
                for (var i = 0; i < row.Length; i++) visit(offsets[i, i] + row[i]);
                return;
            }
            for (var i = 0; i < row.Length; i++)
                for (var j = i + 1; j < row.Length; j++)
                    visit(offsets[i, j] + row[i] * sizes[j] + row[j]);
        }
    }

    private static uint Scramble(int i)
    {
        var x = (uint)i * 0x9E3779B1u;
        x ^= x >> 15; x *= 0x85EBCA77u; x ^= x >> 13;
        return x;
    }
}
