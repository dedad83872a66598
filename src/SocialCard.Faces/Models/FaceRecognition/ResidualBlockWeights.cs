using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models.FaceRecognition;

/// <summary>
/// One residual block: two 3x3 scaled convs. A down block (<see cref="Down"/>) starts with a stride-2 <c>valid</c> conv
/// and adds the 2x2 average pool of its input (channels zero-padded, the conv output zero-padded by a row and a column
/// where the pool is one larger); a plain block adds its input. Both end in relu.
/// </summary>
internal sealed class ResidualBlockWeights(string name, bool down, ConvWeights conv1, ConvWeights conv2)
{
    public string Name { get; } = name;

    public bool Down { get; } = down;

    public ConvWeights Conv1 { get; } = conv1;

    public ConvWeights Conv2 { get; } = conv2;

    public static ResidualBlockWeights Take(WeightSet set, string name, bool down, int cin, int cout) => new(
        name,
        down,
        ConvWeights.TakeScaled(set, name + "/conv1", 3, cin, cout),
        ConvWeights.TakeScaled(set, name + "/conv2", 3, cout, cout));
}
