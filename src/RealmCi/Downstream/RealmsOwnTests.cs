using System.Collections.Immutable;

namespace RealmCi.Downstream;

/// <summary>
/// The downstream's copies of Realm's own (older) tests (Legion's <c>test/realm</c>, <c>test/realm/c</c>,
/// <c>test/performance/realm</c>), selected by ctest labels or a name regex (exactly one). The Canary
/// target leaves them out of the downstream's selection and runs them as a selection of their own
/// (<see cref="Layout.DownstreamFolder.RealmsOwnTests"/>, <c>ARTIFACTS/NAME/realms-own-tests/ID/</c>, with its own coverage capture), so that what they find,
/// and the Realm code they reach, is never counted as the downstream's. <see cref="Targets"/>: what
/// that run builds (empty: the downstream's targets), e.g. Ninja's per-folder <c>test/realm/all</c>.
/// </summary>
public sealed record RealmsOwnTests(ImmutableArray<string> Labels, string? Regex, ImmutableArray<string> Targets);
