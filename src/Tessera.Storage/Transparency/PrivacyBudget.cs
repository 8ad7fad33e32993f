namespace Tessera.Storage.Transparency;

/// <summary>One data set's privacy budget: the total privacy loss (ε) its published answers may spend, and how much they have.</summary>
public sealed record PrivacyBudget(string DataSet, decimal Total, decimal Spent)
{
    /// <summary>What is left to spend.</summary>
    public decimal Remaining => Total - Spent;
}
