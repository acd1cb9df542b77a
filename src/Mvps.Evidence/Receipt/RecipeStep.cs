namespace Mvps.Evidence.Receipt;

/// <summary>One command of the validation recipe, run with bash from the repository root, and the exact output it prints.</summary>
public sealed record RecipeStep(string Id, string Claim, string Command, string ExpectedOutput);
