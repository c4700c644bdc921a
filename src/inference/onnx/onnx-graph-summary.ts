/**
 * What a decoder's ONNX file holds, read from the graph itself: how many weights of which type
 * (fp32, fp16, int8 from dynamic quantization, int4 from MatMulNBits), and the type of its KV cache.
 * It reads the protobuf wire format directly (the few fields it needs), skipping weight data without
 * copying it, so it needs no ONNX library and is quick on files of gigabytes.
 */
import { readFileSync } from 'node:fs';

export type WeightType = 'fp32' | 'fp16' | 'bf16' | 'int8' | 'int4' | 'other';

export interface WeightGroup {
  readonly type: WeightType;
  /** Logical weights (an int4 weight counts once, though two share a byte). */
  readonly parameters: number;
  /** Bytes of these weights with their scales and zero points, as stored. */
  readonly bytes: number;
}

export interface GraphSummary {
  /** Largest first. */
  readonly weights: readonly WeightGroup[];
  readonly parameters: number;
  readonly bytes: number;
  /** The type of most MatMul weights, the bulk of a decoder: what the export is called. */
  readonly matmulType: WeightType;
  /** Element type of the past key/values (the KV cache), when the graph has them. */
  readonly kvCacheType?: 'fp32' | 'fp16' | undefined;
}

interface Tensor {
  readonly name: string;
  readonly dims: number[];
  readonly dataType: number;
}

interface Node {
  readonly opType: string;
  readonly inputs: string[];
  readonly ints: Map<string, number>;
}

// onnx.proto TensorProto.DataType → bytes per element (int4/uint4: half a byte).
const ELEMENT_BYTES: Record<number, number> = {
  1: 4,
  2: 1,
  3: 1,
  4: 2,
  5: 2,
  6: 4,
  7: 8,
  9: 1,
  10: 2,
  11: 8,
  12: 4,
  13: 8,
  16: 2,
  17: 1,
  18: 1,
  19: 1,
  20: 1,
  21: 0.5,
  22: 0.5,
};
const FLOAT_TYPES: Record<number, WeightType> = { 1: 'fp32', 10: 'fp16', 16: 'bf16', 11: 'fp32' };
const INTEGER_WEIGHTS: Record<number, WeightType> = { 2: 'int8', 3: 'int8', 21: 'int4', 22: 'int4' };

/** A protobuf message: calls `field` for each field with its number, wire type and position. */
class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = this.buf[this.pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  }

  fields(visit: (field: number, wire: number) => boolean): void {
    while (this.pos < this.end) {
      const key = this.varint();
      const field = Math.floor(key / 8);
      const wire = key & 7;
      if (!visit(field, wire)) this.skip(wire);
    }
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) {
      const length = this.varint(); // read before `pos` is: `pos += varint()` would add to the old position
      this.pos += length;
    } else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }

  /** The sub-message or string at the current length-delimited field. */
  sub(): Reader {
    const length = this.varint();
    const reader = new Reader(this.buf, this.pos, this.pos + length);
    this.pos += length;
    return reader;
  }

  string(): string {
    const r = this.sub();
    return new TextDecoder().decode(this.buf.subarray(r.pos, r.end));
  }
}

function readTensor(r: Reader): Tensor {
  let name = '';
  const dims: number[] = [];
  let dataType = 0;
  r.fields((field, wire) => {
    if (field === 1 && wire === 0) dims.push(r.varint());
    else if (field === 1 && wire === 2) {
      const packed = r.sub();
      while (packed.pos < packed.end) dims.push(packed.varint());
      r.pos = packed.end;
    } else if (field === 2 && wire === 0) dataType = r.varint();
    else if (field === 8 && wire === 2) name = r.string();
    else return false;
    return true;
  });
  return { name, dims, dataType };
}

function readNode(r: Reader): Node {
  const inputs: string[] = [];
  const ints = new Map<string, number>();
  let opType = '';
  r.fields((field, wire) => {
    if (field === 1 && wire === 2) inputs.push(r.string());
    else if (field === 4 && wire === 2) opType = r.string();
    else if (field === 5 && wire === 2) {
      const a = r.sub();
      let name = '';
      let value: number | undefined;
      a.fields((f, w) => {
        if (f === 1 && w === 2) name = a.string();
        else if (f === 3 && w === 0) value = a.varint();
        else return false;
        return true;
      });
      r.pos = a.end;
      if (value !== undefined) ints.set(name, value);
    } else return false;
    return true;
  });
  return { opType, inputs, ints };
}

/** Graph input name → element type (ValueInfoProto.type.tensor_type.elem_type). */
function readInputType(r: Reader): [string, number] {
  let name = '';
  let elemType = 0;
  r.fields((field, wire) => {
    if (field === 1 && wire === 2) name = r.string();
    else if (field === 2 && wire === 2) {
      const type = r.sub();
      type.fields((f, w) => {
        if (f !== 1 || w !== 2) return false;
        const tensorType = type.sub();
        tensorType.fields((tf, tw) => {
          if (tf !== 1 || tw !== 0) return false;
          elemType = tensorType.varint();
          return true;
        });
        type.pos = tensorType.end;
        return true;
      });
      r.pos = type.end;
    } else return false;
    return true;
  });
  return [name, elemType];
}

const elements = (t: Tensor) => t.dims.reduce((a, b) => a * b, 1);
const bytesOf = (t: Tensor) => Math.ceil(elements(t) * (ELEMENT_BYTES[t.dataType] ?? 1));

/** Summarises a model given as the bytes of its `.onnx` file (external data is not needed). */
export function summarizeOnnxGraph(bytes: Uint8Array): GraphSummary {
  const tensors = new Map<string, Tensor>();
  const nodes: Node[] = [];
  const inputTypes = new Map<string, number>();
  const model = new Reader(bytes, 0, bytes.length);
  model.fields((field, wire) => {
    if (field !== 7 || wire !== 2) return false;
    const graph = model.sub();
    graph.fields((f, w) => {
      if (w !== 2) return false;
      if (f === 1) {
        const node = graph.sub();
        nodes.push(readNode(node));
      } else if (f === 5) {
        const tensor = readTensor(graph.sub());
        tensors.set(tensor.name, tensor);
      } else if (f === 11) {
        const [name, type] = readInputType(graph.sub());
        inputTypes.set(name, type);
      } else return false;
      return true;
    });
    model.pos = graph.end;
    return true;
  });

  const groups = new Map<WeightType, { parameters: number; bytes: number }>();
  const matmul = new Map<WeightType, number>();
  const counted = new Set<string>();
  const add = (type: WeightType, name: string | undefined, parameters?: number, isMatmul = false) => {
    const tensor = name === undefined ? undefined : tensors.get(name);
    if (!tensor || counted.has(tensor.name)) return;
    counted.add(tensor.name);
    const group = groups.get(type) ?? { parameters: 0, bytes: 0 };
    const n = parameters ?? 0;
    groups.set(type, { parameters: group.parameters + n, bytes: group.bytes + bytesOf(tensor) });
    if (isMatmul) matmul.set(type, (matmul.get(type) ?? 0) + n);
  };
  for (const node of nodes) {
    const [, b, third, fourth] = node.inputs;
    if (node.opType === 'MatMulNBits') {
      const bits = node.ints.get('bits') ?? 4;
      const type: WeightType = bits <= 4 ? 'int4' : 'int8';
      add(type, b, (node.ints.get('K') ?? 0) * (node.ints.get('N') ?? 0), true);
      for (const extra of node.inputs.slice(2)) add(type, extra);
    } else if (node.opType === 'MatMulInteger' || node.opType === 'DynamicQuantizeMatMul') {
      const weight = b === undefined ? undefined : tensors.get(b);
      if (weight) add('int8', b, elements(weight), true);
      add('int8', node.opType === 'MatMulInteger' ? fourth : third);
      if (node.opType === 'DynamicQuantizeMatMul') add('int8', fourth);
    } else if (node.opType === 'MatMul' || node.opType === 'Gemm') {
      const weight = b === undefined ? undefined : tensors.get(b);
      const type = weight ? FLOAT_TYPES[weight.dataType] : undefined;
      if (weight && type) add(type, b, elements(weight), true);
    }
  }
  for (const tensor of tensors.values()) {
    // Scalars are constants of the graph (and per-tensor quantization scales), not weights.
    const scalar = tensor.dims.length === 0;
    const type = scalar
      ? 'other'
      : (FLOAT_TYPES[tensor.dataType] ?? INTEGER_WEIGHTS[tensor.dataType] ?? 'other');
    add(type, tensor.name, type === 'other' ? 0 : elements(tensor));
  }
  const weights = [...groups.entries()]
    .map(([type, g]) => ({ type, ...g }))
    .sort((a, b) => b.bytes - a.bytes);
  const matmulType = [...matmul.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? weights[0]?.type ?? 'other';
  const past = inputTypes.get('past_key_values.0.key');
  return {
    weights,
    parameters: weights.reduce((sum, g) => sum + g.parameters, 0),
    bytes: weights.reduce((sum, g) => sum + g.bytes, 0),
    matmulType,
    kvCacheType: past === 10 ? 'fp16' : past === 1 ? 'fp32' : undefined,
  };
}

/** Reads `model.onnx` (only the graph file; weights in external data are sized from the graph). */
export function readGraphSummary(modelPath: string): GraphSummary {
  return summarizeOnnxGraph(readFileSync(modelPath));
}
