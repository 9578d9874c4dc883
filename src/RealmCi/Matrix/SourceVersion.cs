using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// How the project's CMake gets its version from a checkout — the <c>source.version</c> section,
/// so the knowledge is data: the nearest tag (<c>git describe --tags</c>) when it matches one of
/// <see cref="Tags"/>, else <see cref="File"/>, which is unusable while it still holds
/// <see cref="Unexpanded"/> (git expands it only in <c>git archive</c> exports). A checkout that
/// can give neither is refused before configuring. <see cref="NotOnTag"/>: tags a HEAD must not
/// sit exactly on, when the project's CMakeLists.txt reads the version the way
/// <see cref="NotOnTagRule.CmakePattern"/> matches.
/// </summary>
public sealed record SourceVersion(ImmutableArray<string> Tags, string? File, string? Unexpanded, ImmutableArray<NotOnTagRule> NotOnTag, SourceSpan Where);

/// <summary>HEAD exactly on a tag matching <see cref="Tags"/> gives no version when the CMakeLists.txt matches <see cref="CmakePattern"/>.</summary>
public sealed record NotOnTagRule(string Tags, string CmakePattern, string Reason, string Fix);
