using System.Text.Json;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>
/// The MediaPipe selfie segmentation graph (<c>models/selfie/selfie.json</c> + <c>selfie.bin</c>, tfjs graph model,
/// float16 weights) compiled into a straight list of <see cref="GraphStep"/>s with every tensor's shape known: the nodes
/// needed for the output, in dependency order; a convolution's bias <c>Add</c> and a following <c>Relu</c> fused into it;
/// then element-wise chains fused (<see cref="GraphFusion"/>) and run block by block with the 1x1 convolutions
/// beside them (<see cref="GraphChunking"/>).
/// Only the ops this graph uses are accepted (anything else is a <see cref="ModelFormatException"/>). Immutable.
/// </summary>
internal sealed class SelfieGraph
{
    public const string FolderName = "selfie";
    public const string FileName = "selfie.json";
    /// <summary>The input side the network was trained at (its average pools and upsampling sizes are written for it).</summary>
    public const int InputSize = 256;

    private SelfieGraph(IReadOnlyList<GraphStep> steps, IReadOnlyList<GraphShape> values, int output, int inputSize)
    {
        Steps = steps;
        Values = values;
        Output = output;
        Size = inputSize;
    }

    /// <summary>The input side this compiled graph runs at: <see cref="InputSize"/>, or a smaller one (a coarse pass).</summary>
    public int Size { get; }

    public IReadOnlyList<GraphStep> Steps { get; }

    /// <summary>Shape of every runtime value; value 0 is the 256x256x3 input.</summary>
    public IReadOnlyList<GraphShape> Values { get; }

    /// <summary>This graph's values and output with other steps (the benchmarks time variants of the fusion).</summary>
    internal SelfieGraph WithSteps(IReadOnlyList<GraphStep> steps) => new(steps, Values, Output, Size);

    public int Output { get; }

    public static SelfieGraph Load(string directory, ModelChecksums? checksums) => Load(directory, checksums, fuse: true);

    /// <summary>Loads the graph; <paramref name="fuse"/> false keeps every element-wise step on its own, in whole-tensor
    /// passes (the reference the product's graph is tested against).</summary>
    internal static SelfieGraph Load(string directory, ModelChecksums? checksums, bool fuse) => LoadSizes(directory, checksums, fuse, InputSize)[0];

    /// <summary>Loads the graph once and compiles it for each of <paramref name="sizes"/> (input sides, multiples of 32
    /// up to <see cref="InputSize"/>): the network is fully convolutional, its average pools are global at 256 and stay
    /// global, its upsampling and output sizes scale with the input.</summary>
    internal static SelfieGraph[] LoadSizes(string directory, ModelChecksums? checksums, bool fuse, params int[] sizes)
    {
        string path = Path.Combine(directory, FileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            ModelThrowHelper.ThrowModelFormat($"Segmentation model {path} cannot be read: {e.Message}.", e);
            return null!;
        }

        checksums?.Verify(FileName, bytes);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException e)
        {
            ModelThrowHelper.ThrowModelFormat($"Segmentation model {path} is not valid JSON: {e.Message}.", e);
            return null!;
        }

        if (!root.TryGetProperty("modelTopology", out JsonElement topology) || !topology.TryGetProperty("node", out JsonElement nodes)
            || !root.TryGetProperty("weightsManifest", out JsonElement manifestJson))
        {
            ModelThrowHelper.ThrowModelFormat($"Segmentation model {path} has no graph topology or weights manifest.");
            return null!;
        }

        WeightManifest manifest = WeightManifest.Parse(manifestJson.GetRawText(), FileName);
        WeightSet weights = WeightFileLoader.Load(directory, FolderName, manifest, checksums);
        string output = OutputName(root);
        GraphNode[] graphNodes = nodes.EnumerateArray().Select(n => new GraphNode(n)).ToArray();
        return [.. sizes.Select(size => Compile(graphNodes, weights, output, fuse, size))];
    }

    private static string OutputName(JsonElement root)
    {
        if (root.TryGetProperty("signature", out JsonElement sig) && sig.TryGetProperty("outputs", out JsonElement outputs))
        {
            foreach (JsonProperty o in outputs.EnumerateObject())
            {
                string name = o.Value.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? o.Name : o.Name;
                int colon = name.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? name : name[..colon];
            }
        }

        ModelThrowHelper.ThrowModelFormat("Segmentation model names no output in its signature.");
        return null!;
    }

    internal static SelfieGraph Compile(IReadOnlyList<GraphNode> nodes, WeightSet weights, string outputName, bool fuse = true, int inputSize = InputSize)
    {
        if (inputSize < 32 || inputSize > InputSize || inputSize % 32 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"The segmentation input must be a multiple of 32 up to {InputSize}.");
        }

        var byName = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<GraphNode>>(StringComparer.Ordinal);
        foreach (GraphNode node in nodes)
        {
            byName[node.Name] = node;
            foreach (string input in node.Inputs)
            {
                if (!consumers.TryGetValue(input, out List<GraphNode>? list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        if (!byName.ContainsKey(outputName))
        {
            ModelThrowHelper.ThrowModelFormat($"Segmentation model has no node {outputName}.");
        }

        var compiler = new Compiler(byName, consumers, weights, inputSize);
        int output = compiler.Value(outputName);
        return new SelfieGraph(fuse ? GraphFusion.FusePools(GraphChunking.Chunk(GraphFusion.Fuse(compiler.Steps, output), output)) : compiler.Steps, compiler.Shapes, output, inputSize);
    }

    /// <summary>Depth-first from the output: each node compiled after its inputs, once.</summary>
    private sealed class Compiler(
        Dictionary<string, GraphNode> byName, Dictionary<string, List<GraphNode>> consumers, WeightSet weights, int inputSize)
    {
        private readonly Dictionary<string, int> _values = new(StringComparer.Ordinal);

        public List<GraphStep> Steps { get; } = [];

        public List<GraphShape> Shapes { get; } = [];

        public int Value(string name)
        {
            if (_values.TryGetValue(name, out int v))
            {
                return v;
            }

            GraphNode node = Node(name);
            foreach (string input in node.Inputs)
            {
                if (!IsConst(input))
                {
                    Value(input);
                }
            }

            if (_values.TryGetValue(name, out v))
            {
                return v; // fused into the convolution that produces its input
            }

            v = node.Op switch
            {
                "Placeholder" => Input(node),
                "Conv2D" => Convolution(node),
                "DepthwiseConv2dNative" => DepthwiseStep(node),
                "Conv2DBackpropInput" => Transposed(node),
                "AvgPool" => Pool(node),
                "ResizeBilinear" => ResizeStep(node),
                "Add" or "AddV2" or "AddN" => AddStep(node),
                "Mul" => MultiplyStep(node),
                "Relu" => Unary(node, GraphOp.Relu),
                "Relu6" => Unary(node, GraphOp.Relu6),
                "Sigmoid" => Unary(node, GraphOp.Sigmoid),
                _ => Unsupported(node),
            };
            _values[name] = v;
            return v;
        }

        /// <summary>A size written for the trained input, at this graph's input.</summary>
        private int Scaled(int size) => inputSize == InputSize ? size : size * inputSize / InputSize;

        private GraphNode Node(string name) =>
            byName.TryGetValue(name, out GraphNode? node) ? node : throw Format($"Segmentation model refers to a missing node {name}.");

        private bool IsConst(string name) => Node(name).Op == "Const";

        private WeightTensor Const(string name) =>
            weights.Find(name) ?? throw Format($"Segmentation model has no weight for constant {name}.");

        private int NewValue(GraphShape shape)
        {
            Shapes.Add(shape);
            return Shapes.Count - 1;
        }

        private int Input(GraphNode node)
        {
            if (Shapes.Count != 0)
            {
                throw Format($"Segmentation model has a second input {node.Name}.");
            }

            return NewValue(new GraphShape(inputSize, inputSize, 3));
        }

        private int Emit(GraphStep step)
        {
            Steps.Add(step);
            return step.Output;
        }

        private int Convolution(GraphNode node)
        {
            int x = Value(node.Inputs[0]);
            WeightTensor filter = Const(node.Inputs[1]);
            GraphShape input = Shapes[x];
            int k = filter.Shape[0];
            int stride = Stride(node);
            if (filter.Shape.Length != 4 || filter.Shape[1] != k || filter.Shape[2] != input.C || (k != 1 && k != 3) || (k == 1 && stride != 1))
            {
                throw Format($"Segmentation model: convolution {node.Name} has an unsupported filter [{string.Join(',', filter.Shape)}] or stride {stride}.");
            }

            int cout = filter.Shape[3];
            (int outH, int padTop) = Same(node, input.H, stride, k);
            (int outW, int padLeft) = Same(node, input.W, stride, k);

            // Fuse "conv -> Add(bias [cout]) -> Relu" where each feeds only the next.
            float[] bias = new float[cout];
            Activation act = Activation.None;
            GraphNode last = node;
            if (SoleConsumer(node.Name) is { Op: "Add" or "AddV2" or "BiasAdd" } add
                && add.Inputs.Count == 2 && add.Inputs.Contains(node.Name, StringComparer.Ordinal)
                && add.Inputs.First(i => i != node.Name) is { } other && IsConst(other) && Const(other).Data.Length == cout
                && Const(other).Shape.Length == 1)
            {
                bias = Const(other).Data;
                last = add;
                if (SoleConsumer(add.Name) is { Op: "Relu" } relu)
                {
                    act = Activation.Relu;
                    last = relu;
                }
            }

            int output = NewValue(new GraphShape(outH, outW, cout));
            Emit(new GraphStep
            {
                Op = GraphOp.Convolution, Name = node.Name, Inputs = [x], Output = output, In = input, Out = Shapes[output],
                Weights = filter.Data, Bias = bias, Activation = act, Kernel = k, Stride = stride, PadTop = padTop, PadLeft = padLeft,
            });
            if (last != node)
            {
                _values[SoleConsumer(node.Name)!.Name] = output;
                _values[last.Name] = output;
            }

            return output;
        }

        private int DepthwiseStep(GraphNode node)
        {
            int x = Value(node.Inputs[0]);
            WeightTensor filter = Const(node.Inputs[1]);
            GraphShape input = Shapes[x];
            int k = filter.Shape[0];
            if (filter.Shape.Length != 4 || filter.Shape[1] != k || filter.Shape[2] != input.C || filter.Shape[3] != 1 || k % 2 == 0)
            {
                throw Format($"Segmentation model: depthwise {node.Name} has an unsupported filter [{string.Join(',', filter.Shape)}].");
            }

            int stride = Stride(node);
            (int outH, int padTop) = Same(node, input.H, stride, k);
            (int outW, int padLeft) = Same(node, input.W, stride, k);
            int output = NewValue(new GraphShape(outH, outW, input.C));
            return Emit(new GraphStep
            {
                Op = GraphOp.Depthwise, Name = node.Name, Inputs = [x], Output = output, In = input, Out = Shapes[output],
                Weights = filter.Data, Kernel = k, Stride = stride, PadTop = padTop, PadLeft = padLeft,
            });
        }

        private int Transposed(GraphNode node)
        {
            float[] sizes = Const(node.Inputs[0]).Data;
            WeightTensor filter = Const(node.Inputs[1]);
            int x = Value(node.Inputs[2]);
            GraphShape input = Shapes[x];
            int k = filter.Shape[0];
            int stride = Stride(node);
            var outShape = new GraphShape(Scaled((int)sizes[1]), Scaled((int)sizes[2]), (int)sizes[3]);
            if (filter.Shape.Length != 4 || filter.Shape[1] != k || filter.Shape[2] != outShape.C || filter.Shape[3] != input.C
                || SameOut(outShape.H, stride) != input.H || SameOut(outShape.W, stride) != input.W || node.Text("padding") != "SAME")
            {
                throw Format($"Segmentation model: transposed convolution {node.Name} has unsupported shapes.");
            }

            int output = NewValue(outShape);
            return Emit(new GraphStep
            {
                Op = GraphOp.TransposedConvolution, Name = node.Name, Inputs = [x], Output = output, In = input, Out = outShape,
                Weights = filter.Data, Kernel = k, Stride = stride,
                PadTop = Depthwise.SamePadBefore(outShape.H, stride, k), PadLeft = Depthwise.SamePadBefore(outShape.W, stride, k),
            });
        }

        private int Pool(GraphNode node)
        {
            int x = Value(node.Inputs[0]);
            GraphShape input = Shapes[x];
            int[] ksize = node.Ints("ksize") ?? [];
            int stride = Stride(node);
            int k = ksize.Length == 4 ? ksize[1] : 0;
            if (inputSize != InputSize && k == stride && Scaled(k) == input.H && input.H == input.W)
            {
                k = stride = input.H; // global at the trained size, so global at this one
            }

            if (ksize.Length != 4 || ksize[1] != ksize[2] || node.Text("padding") != "VALID" || k > input.H || k > input.W
                || (inputSize != InputSize && k != input.H))
            {
                throw Format($"Segmentation model: average pool {node.Name} is not a square valid pool (or not global at input {inputSize}).");
            }

            int output = NewValue(new GraphShape(((input.H - k) / stride) + 1, ((input.W - k) / stride) + 1, input.C));
            return Emit(new GraphStep
            {
                Op = GraphOp.AveragePool, Name = node.Name, Inputs = [x], Output = output, In = input, Out = Shapes[output],
                Kernel = k, Stride = stride,
            });
        }

        private int ResizeStep(GraphNode node)
        {
            int x = Value(node.Inputs[0]);
            float[] size = Const(node.Inputs[1]).Data;
            GraphShape input = Shapes[x];
            int output = NewValue(new GraphShape(Scaled((int)size[0]), Scaled((int)size[1]), input.C));
            return Emit(new GraphStep
            {
                Op = GraphOp.Resize, Name = node.Name, Inputs = [x], Output = output, In = input, Out = Shapes[output],
                AlignCorners = node.Flag("align_corners"), HalfPixelCenters = node.Flag("half_pixel_centers"),
            });
        }

        private int AddStep(GraphNode node)
        {
            string[] consts = node.Inputs.Where(IsConst).ToArray();
            string[] runtime = node.Inputs.Where(i => !IsConst(i)).ToArray();
            if (consts.Length == 1 && runtime.Length == 1)
            {
                return WithConstant(node, runtime[0], Const(consts[0]), GraphOp.AddScalar, GraphOp.AddPerChannel);
            }

            int[] inputs = runtime.Select(Value).ToArray();
            if (consts.Length != 0 || inputs.Length < 2 || inputs.Any(i => Shapes[i] != Shapes[inputs[0]]))
            {
                throw Format($"Segmentation model: sum {node.Name} has operands of different shapes.");
            }

            int output = NewValue(Shapes[inputs[0]]);
            return Emit(new GraphStep { Op = GraphOp.Add, Name = node.Name, Inputs = inputs, Output = output, In = Shapes[inputs[0]], Out = Shapes[output] });
        }

        private int MultiplyStep(GraphNode node)
        {
            if (node.Inputs.Count != 2)
            {
                throw Format($"Segmentation model: product {node.Name} needs two operands.");
            }

            string a = node.Inputs[0], b = node.Inputs[1];
            if (IsConst(a) != IsConst(b))
            {
                return IsConst(a)
                    ? WithConstant(node, b, Const(a), GraphOp.MultiplyScalar, GraphOp.MultiplyPerChannel)
                    : WithConstant(node, a, Const(b), GraphOp.MultiplyScalar, GraphOp.MultiplyPerChannel);
            }

            int va = Value(a), vb = Value(b);
            GraphShape sa = Shapes[va], sb = Shapes[vb];
            if (sa == sb)
            {
                int output = NewValue(sa);
                return Emit(new GraphStep { Op = GraphOp.Multiply, Name = node.Name, Inputs = [va, vb], Output = output, In = sa, Out = sa });
            }

            // A tensor times its 1x1xC gate, either order.
            (int big, int gate) = sb.Pixels == 1 ? (va, vb) : (vb, va);
            if (Shapes[gate].Pixels != 1 || Shapes[gate].C != Shapes[big].C)
            {
                throw Format($"Segmentation model: product {node.Name} has shapes {sa} and {sb}.");
            }

            int result = NewValue(Shapes[big]);
            return Emit(new GraphStep
            {
                Op = GraphOp.MultiplyPerChannel, Name = node.Name, Inputs = [big, gate], Output = result, In = Shapes[big], Out = Shapes[big],
            });
        }

        private int WithConstant(GraphNode node, string tensor, WeightTensor constant, GraphOp scalarOp, GraphOp channelOp)
        {
            int x = Value(tensor);
            GraphShape shape = Shapes[x];
            int output = NewValue(shape);
            if (constant.Data.Length == 1)
            {
                return Emit(new GraphStep { Op = scalarOp, Name = node.Name, Inputs = [x], Output = output, In = shape, Out = shape, Scalar = constant.Data[0] });
            }

            if (constant.Data.Length != shape.C)
            {
                throw Format($"Segmentation model: {node.Name} broadcasts {constant.Data.Length} values over {shape}.");
            }

            return Emit(new GraphStep { Op = channelOp, Name = node.Name, Inputs = [x], Output = output, In = shape, Out = shape, Weights = constant.Data });
        }

        private int Unary(GraphNode node, GraphOp op)
        {
            int x = Value(node.Inputs[0]);
            int output = NewValue(Shapes[x]);
            return Emit(new GraphStep { Op = op, Name = node.Name, Inputs = [x], Output = output, In = Shapes[x], Out = Shapes[x] });
        }

        private static int Unsupported(GraphNode node) => throw Format($"Segmentation model uses op {node.Op} ({node.Name}), which is not implemented.");

        private GraphNode? SoleConsumer(string name) =>
            consumers.TryGetValue(name, out List<GraphNode>? list) && list.Count == 1 ? list[0] : null;

        private static int Stride(GraphNode node)
        {
            int[] s = node.Ints("strides") ?? [1, 1, 1, 1];
            if (s.Length != 4 || s[1] != s[2] || s[1] <= 0)
            {
                throw Format($"Segmentation model: {node.Name} has unequal strides.");
            }

            return s[1];
        }

        private static int SameOut(int size, int stride) => (size + stride - 1) / stride;

        private static (int Out, int PadBefore) Same(GraphNode node, int size, int stride, int k) => node.Text("padding") switch
        {
            "SAME" => (SameOut(size, stride), Depthwise.SamePadBefore(size, stride, k)),
            "VALID" => (((size - k) / stride) + 1, 0),
            string p => throw Format($"Segmentation model: {node.Name} has padding {p}."),
            null => throw Format($"Segmentation model: {node.Name} has no padding attribute."),
        };

        private static ModelFormatException Format(string message) =>
            new($"{message} {ModelThrowHelper.SetupHint}");
    }
}
