using System.Text.Json.Serialization;

namespace RealmCi.Release;

/// <summary>A CycloneDX 1.6 bill of materials (the parts realm-ci writes).</summary>
public sealed record CycloneDxBom(
    string BomFormat,
    string SpecVersion,
    string SerialNumber,
    int Version,
    CdxMetadata Metadata,
    IReadOnlyList<CdxComponent> Components,
    IReadOnlyList<CdxDependency> Dependencies);

public sealed record CdxMetadata(DateTimeOffset Timestamp, CdxTools Tools, CdxComponent Component, IReadOnlyList<CdxProperty> Properties);

public sealed record CdxTools(IReadOnlyList<CdxComponent> Components);

public sealed record CdxComponent(
    string Type,
    [property: JsonPropertyName("bom-ref")] string? BomRef,
    string Name,
    string? Version,
    string? Purl = null,
    string? Description = null,
    IReadOnlyList<CdxHash>? Hashes = null)
{
    /// <summary><c>required</c> (in the binary: e.g. GASNet-EX built from a declared source) or <c>excluded</c> (build-time only: the build image's packages).</summary>
    public string? Scope { get; init; }

    public IReadOnlyList<CdxExternalReference>? ExternalReferences { get; init; }
}

public sealed record CdxExternalReference(string Type, string Url, IReadOnlyList<CdxHash>? Hashes = null);

public sealed record CdxHash(string Alg, string Content);

public sealed record CdxProperty(string Name, string Value);

public sealed record CdxDependency(string Ref, IReadOnlyList<string> DependsOn);
