namespace SocialCard.Faces.Weights;

/// <summary>All tensors of one model by name; the networks take theirs with the shape they expect.</summary>
internal sealed class WeightSet
{
    private readonly Dictionary<string, WeightTensor> _tensors;

    public WeightSet(string modelName, Dictionary<string, WeightTensor> tensors)
    {
        ModelName = modelName;
        _tensors = tensors;
    }

    public string ModelName { get; }

    public int Count => _tensors.Count;

    /// <summary>The tensor called <paramref name="name"/>, or null.</summary>
    public WeightTensor? Find(string name) => _tensors.GetValueOrDefault(name);

    /// <summary>The tensor called <paramref name="name"/>, checked to have exactly <paramref name="shape"/>.</summary>
    public float[] Take(string name, params ReadOnlySpan<int> shape)
    {
        if (!_tensors.TryGetValue(name, out WeightTensor? tensor))
        {
            ModelThrowHelper.ThrowModelFormat($"Model {ModelName} has no weight {name}.");
        }

        if (!tensor.Shape.AsSpan().SequenceEqual(shape))
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Model {ModelName}: weight {name} has shape [{string.Join(',', tensor.Shape)}], expected [{string.Join(',', shape.ToArray())}].");
        }

        return tensor.Data;
    }
}
