using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Images;

public class RenderingImageRecipes
{
    private static BuildConfiguration Smoke()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        return Selector.Select(m, new SelectionOptions { Profile = "smoke" }).Configurations[0];
    }

    [Fact]
    public void TheDockerfileInstallsEveryPackageOnALineOfItsOwnInSortedOrder()
    {
        var text = ImageRecipe.For(Smoke()).Render("debian:bookworm");
        Assert.StartsWith("# realm-ci image", text);
        Assert.Contains("FROM debian:bookworm\n", text);
        var packages = text.Split('\n').Where(l => l.StartsWith("      ")).Select(l => l.Trim().TrimEnd('\\').Trim()).ToList();
        Assert.Equal(packages.Order(StringComparer.Ordinal), packages);
        Assert.Contains("g++-12", packages);
        Assert.Contains("googletest", packages);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", text);
    }

    [Fact]
    public void TheTagIsAHashOfTheRecipeAndTheBaseImageId()
    {
        var recipe = ImageRecipe.For(Smoke());
        Assert.Matches("^realm-ci/debian12:[0-9a-f]{16}$", recipe.Tag("sha256:aaa"));
        Assert.Equal(recipe.Tag("sha256:aaa"), ImageRecipe.For(Smoke()).Tag("sha256:aaa"));
        Assert.NotEqual(recipe.Tag("sha256:aaa"), recipe.Tag("sha256:bbb"));
        Assert.NotEqual(recipe.Tag("sha256:aaa"), (recipe with { Packages = [.. recipe.Packages, "vim"] }).Tag("sha256:aaa"));
    }

    [Fact]
    public void ConfigurationsThatDifferOnlyInSettingsShareAnImage()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        string TagOf(string id) => ImageRecipe.For(Selector.Select(m, new() { Configs = [id] }).Configurations[0]).Tag("x");
        Assert.Equal(TagOf("gcc12-debug-local-cpu"), TagOf("gcc12-debug-local-cpu-asan"));
        Assert.Equal(TagOf("gcc12-debug-local-cpu"), TagOf("gcc12-release-local-cpu-shared"));
        Assert.NotEqual(TagOf("gcc12-debug-local-cpu"), TagOf("gcc12-debug-mpi-cpu"));
    }

    [Fact]
    public void PackageOrderInTheMatrixDoesNotChangeTheTag()
    {
        var recipe = ImageRecipe.For(Smoke());
        var reversed = recipe with { Packages = [.. recipe.Packages.Reverse()] };
        Assert.Equal(recipe.Tag("x"), ImageRecipe.For(Smoke() with { Settings = Smoke().Settings with { Packages = [.. Smoke().Settings.Packages.Reverse()] } }).Tag("x"));
        Assert.NotEqual(recipe.Render("x"), reversed.Render("x")); // rendering keeps what it is given; For() sorts
    }

    [Fact]
    public void DebootstrapIsCalledWithTheBaseSettings()
    {
        var args = BaseImageResolver.DebootstrapArguments(new Bootstrap("bookworm", "http://deb.debian.org/debian", "minbase", ["main", "non-free"]), "/tmp/r");
        Assert.Equal(["--variant=minbase", "--components=main,non-free", "bookworm", "/tmp/r", "http://deb.debian.org/debian"], args);
    }

    [Fact]
    public void TheBootstrapTagChangesWithTheBootstrapSettings()
    {
        BaseImage Base(params string[] components) => new("debian12", "debian:bookworm", new Bootstrap("bookworm", "http://m", "minbase", [.. components]), "apt", new("f", 1, 1));
        var a = BaseImageResolver.BootstrapTag(Base("main"));
        var b = BaseImageResolver.BootstrapTag(Base("main", "non-free"));
        Assert.StartsWith("realm-ci/base-debian12:", a);
        Assert.NotEqual(a, b);
    }
}
