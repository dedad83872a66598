using SocialCard.Benchmarks.Imaging;

namespace SocialCard.Benchmarks;

/// <summary>
/// BenchmarkDotNet switcher (<c>-- --filter '*Name*'</c>), plus <c>-- devset-profile [rounds]</c>: the per-photo time
/// distribution of a whole check over the devset (see <see cref="DevsetCheckProfile"/>), and
/// <c>-- fix-profile [rounds]</c>: the fix of a 12 MP photo step by step in thread CPU time (see
/// <see cref="Fixes.FixCpuProfile"/>), and <c>-- fix-hashes [limit]</c>: a hash of every fix output per photo, to diff
/// two builds meant to be exact (see <see cref="Fixes.FixHashes"/>), and <c>-- matte-split [rounds]</c>: the 12 MP fix's
/// background step by stage (see <see cref="Fixes.MatteSplit"/>), and <c>-- rule-profile [rounds] [face]</c>: the incremental cost of each step and rule (see <see cref="RuleCostProfile"/>), and
/// <c>-- network-profile [runs]</c>: the face networks in CPU and wall time (see <see cref="Faces.NetworkCpuProfile"/>), and
/// <c>-- measure-ab [rounds]</c>: a measure's vector path against its scalar reference, interleaved (see <see cref="MeasureAb"/>), and
/// <c>-- kernel-ab SWITCH [rounds] [passes]</c>: a kernel path against the one it replaced, interleaved per network (see <see cref="Faces.KernelAb"/>),
/// <c>-- check-ab SWITCH[,SWITCH...] [rounds]</c>: the same in the whole check, interleaved per photo (see <see cref="Faces.CheckAb"/>), and
/// <c>-- clothing-table</c>: clothing lightness measure variants on the devset (see <see cref="Faces.ClothingTable"/>), and
/// <c>-- fix-clothing-cost [rounds]</c>: what judging the top on the original adds to the fix (see <see cref="Faces.FixClothingCost"/>), and
/// <c>-- face-frame</c>: the landmarks' stability between detector boxes with and without the refined face frame (see
/// <see cref="Faces.FaceFrameTable"/>), and
/// <c>-- calibrate [out.md]</c>: per rule limit the devset margins, repeatability and leave-one-person-out figures (see
/// <see cref="Calibration.RuleCalibration"/>), and
/// <c>-- detector-stages [size]</c> and <c>-- dense-stages</c>: the detector's and the 68-point net's time per layer (see
/// <see cref="Faces.DetectorStages"/>, <see cref="Faces.DenseNetStages"/>), and <c>-- selfie-stages</c>: the segmentation
/// network's time per kind of step (see <see cref="Faces.SelfieStages"/>), and <c>-- cutout-profile [rounds]</c>: the cut-out
/// rule's parts (see <see cref="Faces.CutOutProfile"/>), and <c>-- cutout-cascade</c>: the coarse mask's readings against
/// the 256 mask's (see <see cref="Faces.CutOutCascadeTable"/>), and <c>-- probe-rejects [rounds]</c>: where the
/// time of the photos the face probe rejects goes (see <see cref="Faces.ProbeRejectProfile"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "devset-profile")
        {
            DevsetCheckProfile.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "probe-rejects")
        {
            Faces.ProbeRejectProfile.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "cutout-profile")
        {
            Faces.CutOutProfile.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "cutout-cascade")
        {
            Faces.CutOutCascadeTable.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "fix-hashes")
        {
            Fixes.FixHashes.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "matte-split")
        {
            Fixes.MatteSplit.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "fix-profile")
        {
            Fixes.FixCpuProfile.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "selfie-stages")
        {
            Faces.SelfieStages.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "kernel-ab")
        {
            Faces.KernelAb.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "check-ab")
        {
            Faces.CheckAb.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "network-profile")
        {
            Faces.NetworkCpuProfile.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "clothing-table")
        {
            Faces.ClothingTable.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "detector-stages")
        {
            Faces.DetectorStages.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "dense-stages")
        {
            Faces.DenseNetStages.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "face-frame")
        {
            Faces.FaceFrameTable.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "fix-clothing-cost")
        {
            Faces.FixClothingCost.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "calibrate")
        {
            Calibration.RuleCalibration.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "measure-ab")
        {
            MeasureAb.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "rule-profile")
        {
            RuleCostProfile.Run(args);
            return;
        }

        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
