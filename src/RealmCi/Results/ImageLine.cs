namespace RealmCi.Results;

/// <summary>What an image-preparation line is, so that a reporter decides what to show by kind, never by wording.</summary>
public enum ImageLineKind
{
    /// <summary>A step that does work or needs attention (pulling, bootstrapping, importing, building, built, waiting for another run, a failed pull): shown always.</summary>
    Headline,

    /// <summary>realm-ci's own line about a step with nothing to do (an image up to date, a source file found), or a verdict the configuration's result line repeats: shown with --verbosity=verbose.</summary>
    Note,

    /// <summary>A tool's own output (the image build, a pull, debootstrap): shown with --verbosity=verbose.</summary>
    Output,
}

/// <summary>
/// One line of an image's preparation, said by its producer to be a headline, a note or a tool's
/// output. Every line, of every kind, goes to the configuration's <c>image.log</c>.
/// </summary>
public readonly record struct ImageLine(string Text, ImageLineKind Kind)
{
    public static ImageLine Headline(string text) => new(text, ImageLineKind.Headline);

    public static ImageLine Note(string text) => new(text, ImageLineKind.Note);

    public static ImageLine Output(string text) => new(text, ImageLineKind.Output);
}
