namespace SocialCard.Faces.Weights;

/// <summary>One named weight tensor, dequantised to float32, row-major with the last dimension fastest.</summary>
internal sealed class WeightTensor
{
    public WeightTensor(string name, int[] shape, float[] data)
    {
        Name = name;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }

    public int[] Shape { get; }

    public float[] Data { get; }
}
