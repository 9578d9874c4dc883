using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class EvaluatingAvailability
{
    [Fact]
    public void AConfigurationThatNeedsOnlyTheMirrorIsAvailableOnAnAirGappedHost()
    {
        var a = Offers.Of("local-cpu", Offers.AirGapped);
        Assert.True(a.IsAvailable);
        Assert.Null(a.GpuTestsSkipped);
        Assert.Equal("available", a.Describe());
    }

    [Fact]
    public void ARegistryBaseIsUnavailableWithoutPullsAndSaysHowToProvideIt()
    {
        var a = Offers.Of("local-cuda", Offers.AirGapped);
        var unmet = Assert.Single(a.Unmet);
        Assert.Contains("'vendor/cuda:12'", unmet.What);
        Assert.Contains("only from a registry", unmet.What);
        Assert.Contains("--pull=missing", unmet.HowToProvide);
    }

    [Fact]
    public void ARegistryBaseIsAvailableWhenTheEngineHasItOrPullsAreAllowed()
    {
        Assert.True(Offers.Of("local-cuda", Offers.AirGapped with { Images = ["debian:bookworm", "vendor/cuda:12"] }).IsAvailable);
        Assert.True(Offers.Of("local-cuda", Offers.AirGapped with { PullsAllowed = true }).IsAvailable);
    }

    [Fact]
    public void ABaseWithoutABootstrapSectionNeedsARegistryEvenWhenItDoesNotSaySo()
    {
        var a = Offers.Of("local-odd", Offers.AirGapped);
        Assert.Contains("'other/os:1'", Assert.Single(a.Unmet).What);
    }

    [Fact]
    public void ABootstrappableBaseNeedsDebootstrapWhenTheEngineLacksIt()
    {
        var noImages = Offers.AirGapped with { Images = [] };
        Assert.True(Offers.Of("local-cpu", noImages).IsAvailable);
        var a = Offers.Of("local-cpu", noImages with { CanBootstrap = false });
        Assert.Contains("cannot be bootstrapped", Assert.Single(a.Unmet).What);
    }

    [Fact]
    public void TheInternetRequirementNeedsDownloadsAllowed()
    {
        var a = Offers.Of("gasnet-cpu", Offers.AirGapped);
        Assert.Contains("--downloads=allow", Assert.Single(a.Unmet).HowToProvide);
        Assert.True(Offers.Of("gasnet-cpu", Offers.AirGapped with { DownloadsAllowed = true }).IsAvailable);
    }

    [Fact]
    public void ADeclaredSourceIsAvailableWhenOnDiskOrDownloadable()
    {
        var missing = Assert.Single(Offers.Of("ucx-cpu", Offers.AirGapped).Unmet);
        Assert.Contains("source 'ucc' (ucc-1.3.0.tar.gz)", missing.What);
        Assert.Contains("https://example.org/ucc/v1.3.0.tar.gz", missing.HowToProvide);
        Assert.Contains(Offers.Sha, missing.HowToProvide);
        Assert.Contains("--sources=DIR", missing.HowToProvide);
        Assert.True(Offers.Of("ucx-cpu", Offers.AirGapped with { Sources = ["ucc"] }).IsAvailable);
        Assert.True(Offers.Of("ucx-cpu", Offers.AirGapped with { DownloadsAllowed = true }).IsAvailable);
    }

    [Fact]
    public void EveryUnmetNeedIsListedNotOnlyTheFirst()
    {
        var text = Offers.Needs + "include:\n  - { net: gasnet, gpu: cuda, sources: [ucc] }\n";
        var a = Offers.Of("gasnet-cuda", Offers.AirGapped, text);
        Assert.Equal(3, a.Unmet.Length);
        Assert.StartsWith("unavailable: base image 'vendor/cuda:12'", a.Describe());
    }

    [Fact]
    public void AMissingGpuSkipsTheGpuTestsButTheConfigurationStaysAvailable()
    {
        var a = Offers.Of("local-hip", Offers.AirGapped);
        Assert.True(a.IsAvailable);
        Assert.Equal("they need an AMD GPU and this host has none", a.GpuTestsSkipped);
        Assert.Contains("GPU tests skipped", a.Describe());
    }

    [Fact]
    public void AGpuOfTheWrongVendorDoesNotRunTheGpuTests()
    {
        var nvidia = Offers.AirGapped with { GpuVendors = ["nvidia"] };
        Assert.Equal("they need an AMD GPU and this host has only NVIDIA", Offers.Of("local-hip", nvidia).GpuTestsSkipped);
        Assert.Null(Offers.Of("local-hip", nvidia with { GpuVendors = ["nvidia", "amd"] }).GpuTestsSkipped);
    }

    [Fact]
    public void GpuTestsWithoutADeclaredVendorRunOnAnyGpu()
    {
        Assert.Equal("they need a GPU and this host has none", Offers.Of("local-any", Offers.AirGapped).GpuTestsSkipped);
        Assert.Null(Offers.Of("local-any", Offers.AirGapped with { GpuVendors = ["amd"] }).GpuTestsSkipped);
    }

    [Fact]
    public void HostOfferFromPlainFactsNormalisesVendorNames()
    {
        var offer = HostOffer.From(true, false, ["NVIDIA"], ["debian:bookworm"], false, ["ucc"]);
        Assert.Equal(["nvidia"], offer.GpuVendors);
        Assert.True(offer.HasGpu);
        Assert.Contains("ucc", offer.Sources);
        Assert.False(offer.CanBootstrap);
    }

    [Fact]
    public void AnUnknownRequirementSuggestsTheClosest()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small.Replace("a1: {}", "a1: { requires: [gpu.nvida] }")));
        Assert.Contains("unknown requirement 'gpu.nvida'", error.Message);
        Assert.Equal("did you mean 'gpu.nvidia'?", error.Hint);
    }
}
