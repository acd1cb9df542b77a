namespace Mvps.Evidence.Receipt;

/// <summary>
/// One command of the validation recipe, run with bash from the folder that holds the receipt, and the
/// exact output it prints. <see cref="Setup"/>, when given, is run once before it in a release folder
/// to put its program on PATH (the mvps tool, from the package the release folder holds).
/// </summary>
internal sealed record RecipeStep(string Id, string Claim, string Command, string ExpectedOutput)
{
    public string? Setup { get; init; }
}
