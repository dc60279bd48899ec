#!/usr/bin/python3
"""Builds the project's own tiny sentence-embedding model, `data/models/minutes-tiny-sv`, for tests
and offline demos: a BERT-shaped ONNX graph (token embeddings, masked; transformers.js does the mean
pooling and normalisation) with a WordPiece tokenizer over the sample archive's words.

It is not a language model. Each word's vector is built from the project's own lexicon: words of a
theme (data/themes.json) or synonym group (data/synonyms.json) share that concept's direction, plus
a small word-specific part; function words are zero. So "människor som flytt kriget" lands near the
Ukraina passages — enough to test hybrid search end to end where no real model can be downloaded.

Needs Debian's python3-onnx (apt-get install -y python3-onnx). Deterministic: same data, same files.
"""
import hashlib, html, json, pathlib, re
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'data' / 'models' / 'minutes-tiny-sv'
DIM = 48
WORD = re.compile(r"[a-zåäöéü0-9]+(?:-[a-zåäöéü0-9]+)*")

def texts():
    for f in sorted((ROOT / 'data' / 'sample').iterdir()):
        if f.suffix in ('.md', '.txt'):
            raw = f.read_bytes()
            try: yield raw.decode('utf-8')
            except UnicodeDecodeError: yield raw.decode('cp1252')
    for f in sorted((ROOT / 'data' / 'sample-src').glob('*.html')):
        yield html.unescape(re.sub(r'<[^>]+>', ' ', f.read_text('utf-8')))

themes = json.loads((ROOT / 'data' / 'themes.json').read_text('utf-8'))['themes']
groups = json.loads((ROOT / 'data' / 'synonyms.json').read_text('utf-8'))['groups']
stop = set(json.loads((ROOT / 'data' / 'stopwords-sv.json').read_text('utf-8'))['stopWords'])

words = set()
for t in texts(): words.update(WORD.findall(t.lower()))
for th in themes: words.update(w for term in th['terms'] for w in WORD.findall(term.lstrip('*')))
for g in groups: words.update(w for term in g for w in WORD.findall(term))
vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] + sorted(words)

def unit(seed: str) -> np.ndarray:
    rng = np.random.default_rng(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], 'little'))
    v = rng.standard_normal(DIM)
    return v / np.linalg.norm(v)

def direct(word: str):
    for th in themes:
        for term in th['terms']:
            t = term.lstrip('*')
            if ' ' in t: continue
            if (term.startswith('*') and t in word) or (not term.startswith('*') and word.startswith(t)):
                yield 'theme:' + th['id']; break

def in_group(word, g):
    return any(word == w or (len(w) >= 5 and word.startswith(w)) for w in g if ' ' not in w)

# A synonym group carries the themes of its members: "flytt" shares "flyktingar"'s Ukraina direction.
group_themes = [sorted({c for w in g if ' ' not in w for c in direct(w)}) for g in groups]

def concepts(word: str):
    yield from direct(word)
    for i, g in enumerate(groups):
        if in_group(word, g):
            yield f'group:{i}'
            yield from group_themes[i]

emb = np.zeros((len(vocab), DIM), dtype=np.float32)
for i, w in enumerate(vocab):
    if w.startswith('[') or w in stop: continue
    cs = sorted(set(concepts(w)))
    v = sum((unit(c) for c in cs), np.zeros(DIM)) + 0.35 * unit('word:' + w)
    emb[i] = v.astype(np.float32)

ids = helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch', 'sequence'])
mask = helper.make_tensor_value_info('attention_mask', TensorProto.INT64, ['batch', 'sequence'])
out = helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, ['batch', 'sequence', DIM])
graph = helper.make_graph([
    helper.make_node('Gather', ['embeddings', 'input_ids'], ['tokens'], axis=0),
    helper.make_node('Cast', ['attention_mask'], ['mask_f'], to=TensorProto.FLOAT),
    helper.make_node('Unsqueeze', ['mask_f', 'axis2'], ['mask_3d']),
    helper.make_node('Mul', ['tokens', 'mask_3d'], ['last_hidden_state']),
], 'minutes_tiny_sv', [ids, mask], [out], initializer=[
    numpy_helper.from_array(emb, 'embeddings'),
    numpy_helper.from_array(np.array([2], dtype=np.int64), 'axis2'),
])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='minutes-archive')
model.ir_version = 8
onnx.checker.check_model(model)
(OUT / 'onnx').mkdir(parents=True, exist_ok=True)
onnx.save(model, OUT / 'onnx' / 'model.onnx')

special = lambda i, t: {'id': i, 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False, 'special': True}
tokenizer = {
    'version': '1.0', 'truncation': None, 'padding': None,
    'added_tokens': [special(i, t) for i, t in enumerate(vocab[:4])],
    'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True, 'strip_accents': False, 'lowercase': True},
    'pre_tokenizer': {'type': 'BertPreTokenizer'},
    'post_processor': {'type': 'TemplateProcessing',
        'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
        'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 1}}, {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
        'special_tokens': {'[CLS]': {'id': '[CLS]', 'ids': [2], 'tokens': ['[CLS]']}, '[SEP]': {'id': '[SEP]', 'ids': [3], 'tokens': ['[SEP]']}}},
    'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
    'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##', 'max_input_chars_per_word': 100, 'vocab': {w: i for i, w in enumerate(vocab)}},
}
(OUT / 'tokenizer.json').write_text(json.dumps(tokenizer, ensure_ascii=False), 'utf-8')
(OUT / 'tokenizer_config.json').write_text(json.dumps({'tokenizer_class': 'BertTokenizer', 'do_lower_case': True, 'strip_accents': False, 'model_max_length': 512,
    'cls_token': '[CLS]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'unk_token': '[UNK]'}, indent=1), 'utf-8')
(OUT / 'config.json').write_text(json.dumps({'model_type': 'bert', 'architectures': ['BertModel'], 'hidden_size': DIM, 'vocab_size': len(vocab),
    'max_position_embeddings': 512, 'num_attention_heads': 1, 'num_hidden_layers': 1, 'intermediate_size': DIM, 'type_vocab_size': 2, 'pad_token_id': 0}, indent=1), 'utf-8')
print(f'{OUT}: {len(vocab)} tokens, {DIM} dimensions')
