namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>
/// Tests that turn a kernel's vector path off (<c>Gemm.UseVectors</c>, <c>Conv2d.UseVectors</c>, ...) change a switch every
/// network in the process reads: they run alone, after the parallel tests, so a network another test runs at the same
/// time never mixes the reference path into its pass (which moved its results in the last bits).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelSwitchCollection
{
    public const string Name = "Kernel path switches";
}
