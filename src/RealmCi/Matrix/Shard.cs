using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>
/// Shard I of N (1-based). Shards are disjoint and cover the selection; their sizes differ by
/// at most one; and a configuration keeps its shard when unrelated ones are added, as far as
/// balance allows. Each Id ranks the shards by a hash of (Id, shard) — rendezvous hashing —
/// and configurations, visited in the order of a hash of their Id, take their best-ranked
/// shard that still has room. Shard s has room for ⌊n/N⌋ (+1 for the first n mod N shards).
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i >= 1 && i <= n)
            return new Shard(i, n);
        throw new RealmCiException($"--shard={text}: expected I/N with 1 ≤ I ≤ N, e.g. --shard=2/4");
    }

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>The shard (1-based) of every Id.</summary>
    public static int[] Assign(IReadOnlyList<string> ids, int count)
    {
        var n = ids.Count;
        var room = new int[count];
        for (var s = 0; s < count; s++) room[s] = n / count + (s < n % count ? 1 : 0);
        var order = Enumerable.Range(0, n).OrderBy(i => Hash(ids[i], -1)).ThenBy(i => ids[i], StringComparer.Ordinal).ToArray();
        var result = new int[n];
        var ranking = new (ulong Score, int Shard)[count];
        foreach (var i in order)
        {
            for (var s = 0; s < count; s++) ranking[s] = (Hash(ids[i], s), s);
            Array.Sort(ranking);
            foreach (var (_, s) in ranking)
            {
                if (room[s] == 0) continue;
                room[s]--;
                result[i] = s + 1;
                break;
            }
        }
        return result;
    }

    private static ulong Hash(string id, int salt)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{id}"), digest);
        return BitConverter.ToUInt64(digest);
    }
}
