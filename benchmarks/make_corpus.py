#!/usr/bin/env python3
"""Build a large benchmark corpus from the project's own example reports.

usage: make_corpus.py OUT_DIR [--mb 200] [--docs 20000] [--seed 1]
                      [--templates DIR] [--quiet]

Every document starts from one of examples/reports/*.txt (never ../shared)
and varies it:

- names: each place name the template uses ("tỉnh Quảng Trị", "HUYỆN ỦY
  KRÔNG PẮC", "Quảng Trị, ngày ...") is replaced, everywhere and in both
  cases, by a province or district drawn for the document;
- figures: counts, percentages and fractions are redrawn around the
  template's value and written the way reports write them (27.210, 05,
  96,48%, 147/140); dates, years, document numbers, section numbers and
  names with numbers (Tổ 35, Covid - 19) are kept;
- layout: NFC or NFD, LF or CRLF, footnote markers as ¹, <sup>N</sup> or
  [N] (markers and footnote bodies alike);
- length: plain paragraphs (no footnote marker, a whole sentence) are
  duplicated from any template, dropped or shuffled within their section,
  so document sizes spread around the mean.

The corpus holds at least --mb megabytes (10^6 bytes, as in MB/s) and at
least --docs documents: whichever needs more. Output: OUT_DIR/NNN/*.txt
(1000 per folder), OUT_DIR/files.txt (absolute paths, one a line, for
`solieu extract -`) and OUT_DIR/corpus.json (the parameters and totals).
The same arguments give the same bytes (--seed). OUT_DIR must be empty or
hold an earlier corpus, which is replaced.
"""
import argparse
import json
import os
import random
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEMPLATES = os.path.join(HERE, '..', 'examples', 'reports')

PROVINCES = [
    'Hà Giang', 'Cao Bằng', 'Lạng Sơn', 'Tuyên Quang', 'Thái Nguyên', 'Phú Thọ', 'Bắc Giang',
    'Quảng Ninh', 'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Nam Định', 'Ninh Bình', 'Thanh Hóa',
    'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Thừa Thiên Huế', 'Quảng Ngãi', 'Bình Định', 'Phú Yên',
    'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Nông', 'Lâm Đồng',
    'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Long An', 'Tiền Giang', 'Bến Tre',
    'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Bạc Liêu',
    'Cà Mau', 'Yên Bái', 'Lào Cai', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Hòa Bình', 'Vĩnh Phúc',
]
DISTRICTS = [
    'Tây Sơn', 'Gio Linh', 'Hải Lăng', 'Cam Lộ', 'Đức Phổ', 'Bình Sơn', 'Ea Kar', 'Cư Jút',
    'Đắk Mil', 'Tuy Phước', 'Phù Mỹ', 'Hoài Nhơn', 'Thạch Hà', 'Can Lộc', 'Đô Lương',
    'Yên Thành', 'Quỳnh Lưu', 'Thọ Xuân', 'Nông Cống', 'Hậu Lộc', 'Vũ Thư', 'Kiến Xương',
    'Giao Thủy', 'Hải Hậu', 'Gia Viễn', 'Kim Sơn', 'Lục Ngạn', 'Yên Dũng', 'Tiên Du',
    'Thuận Thành', 'Chợ Gạo', 'Cái Bè', 'Mỏ Cày Nam', 'Cầu Kè', 'Tam Bình', 'Lai Vung',
    'Châu Thành', 'Thoại Sơn', 'Giồng Riềng', 'Phụng Hiệp', 'Hồng Dân', 'Trần Văn Thời',
    'Đơn Dương', 'Bảo Lâm', 'Lộc Ninh', 'Trảng Bàng', 'Bến Cát', 'Định Quán', 'Cần Giuộc',
]

SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
TO_SUPER = str.maketrans('0123456789', SUPERSCRIPT)
FROM_SUPER = str.maketrans(SUPERSCRIPT, '0123456789')

# A footnote body starts its paragraph with a marker and a space.
BODY_RE = re.compile(r'^([' + SUPERSCRIPT + r']+|<sup>(\d+)</sup>|\[(\d+)\])[ \t]+')
# A marker in running text; " [N]" takes its space along (the style puts it back).
MARK_RE = re.compile(r'[' + SUPERSCRIPT + r']+|<sup>(\d+)</sup>| ?\[(\d+)\]')

# Numbers that must keep their digits: dates, years, document numbers,
# section and page numbers, names with numbers, durations.
PROTECT_RE = re.compile(
    r'\d{1,2}/\d{1,2}/\d{2,4}'                      # 14/3/2018
    r'|\d+(?:/\d+)*\s*[-/]\s*[A-ZĐ]'                # 412-BC/TU, 724 /BC, 34/2007/PL
    r'|(?:[Ss]ố|ngày|tháng|năm|[Kk]hóa|[Kk]hoá|thứ|[Tt]ổ|[Đđ]ạo)\s+\d+(?:/\d+)?'
    r'|Covid\s*-\s*\d+|Trung ương \d+|(?i:kế hoạch|quy định|chỉ thị|nghị quyết|kết luận) \d+'
    r'|(?<!\d)(?:19|20)\d\d(?!\d)'                  # years
    r'|\d+ năm'                                     # durations: 05 năm, Sau 4 năm
    r'|(?<![\d.])\d{1,2}/\d{1,2}(?![\d/]|[.,]\d)(?! \S)'  # 31/12 at a clause end: a date
    r'|^[#*\s]*\d+(?:\.\d+)*\.(?=\s|\*)'           # section numbers 2.1.
    r'|^\d+$',                                      # page numbers
    re.M)
FRAC_RE = re.compile(r'(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+)/(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/])')
NUM_RE = re.compile(r'(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?( ?%)?(?![\w/]|[.,]\d)')
# Place names follow their level word: in running text ("tỉnh Quảng Trị")
# and in upper-case header lines ("HUYỆN ỦY KRÔNG PẮC").
NAME_RE = re.compile(r'\b(tỉnh|huyện|thành phố|thị xã|quận) (\w+(?: \w+){0,2})')
UPPER_NAME_RE = re.compile(r'(TỈNH ỦY|TỈNH|HUYỆN ỦY|THÀNH ỦY|THỊ ỦY|THÀNH PHỐ|HUYỆN) (\w+(?: \w+){0,2})\**$',
                           re.M)


def nfc(s):
    return unicodedata.normalize('NFC', s)


# ---- templates -------------------------------------------------------------------------

class Paragraph:
    """A paragraph as parts: literal strings and slots filled per document."""
    __slots__ = ('parts', 'plain', 'size')

    def __init__(self, parts, plain):
        self.parts = parts
        self.plain = plain
        self.size = sum(len(p.encode('utf-8')) if isinstance(p, str) else 5 for p in parts)


def find_names(text):
    """{name: 'province'|'district'} of the places a template names."""
    names = {}
    for m in NAME_RE.finditer(text):
        words = []
        for w in m.group(2).split(' '):
            if not w[0].isupper() or w.isupper():
                break
            words.append(w)
        if words:
            names.setdefault(' '.join(words), 'province' if m.group(1) == 'tỉnh' else 'district')
    for m in UPPER_NAME_RE.finditer(text):
        if m.group(2).isupper():
            names.setdefault(m.group(2).title(),
                             'province' if m.group(1).startswith('TỈNH') else 'district')
    return names


def split_numbers(text, names_re):
    """Literal text and ('num'|'frac'|'name', ...) slots of a marker-free string."""
    protected = [m.span() for m in PROTECT_RE.finditer(text)]

    def is_protected(a, b):
        return any(a < pb and pa < b for pa, pb in protected)

    slots = []
    for m in FRAC_RE.finditer(text):
        num, den = (int(g.replace('.', '')) for g in m.groups())
        # 10/10 huyện is a fraction, 31/12 could be a date: keep the ambiguous
        if not is_protected(*m.span()) and 0 < num and (den > 12 or '.' in m.group(2)):
            width = len(m.group(1)) if m.group(1).startswith('0') else 0
            slots.append((m.start(), m.end(), ('frac', num, den, '.' in m.group(0), width)))
    taken = [(a, b) for a, b, _ in slots]
    for m in NUM_RE.finditer(text):
        a, b = m.span()
        if is_protected(a, b) or any(a < tb and ta < b for ta, tb in taken):
            continue
        digits, decimals, pct = m.groups()
        value = int(digits.replace('.', ''))
        slots.append((a, b, ('num', value, len(decimals or ''), pct or '',
                             len(digits) if digits.startswith('0') and len(digits) > 1 else 0)))
    if names_re is not None:
        for m in names_re.finditer(text):
            if not is_protected(*m.span()):
                slots.append((m.start(), m.end(), ('name', m.group(0))))
    slots.sort()
    parts, at = [], 0
    for a, b, slot in slots:
        if a < at:
            continue
        if a > at:
            parts.append(text[at:a])
        parts.append(slot)
        at = b
    if at < len(text):
        parts.append(text[at:])
    return parts


def tokenize(par, names_re, in_body):
    parts = []
    rest = par
    m = BODY_RE.match(par)
    if m:
        parts.append(('body', int((m.group(2) or m.group(3) or m.group(1).translate(FROM_SUPER)))))
        rest = par[m.end():]
    at, has_mark = 0, bool(m)
    for mm in MARK_RE.finditer(rest):
        has_mark = True
        parts += split_numbers(rest[at:mm.start()], names_re)
        n = mm.group(1) or mm.group(2) or mm.group(0).translate(FROM_SUPER)
        parts.append(('mark', int(n)))
        at = mm.end()
    parts += split_numbers(rest[at:], names_re)
    first = par.lstrip('#* ')
    plain = (in_body and not has_mark and len(par) > 80 and '\n' not in par
             and first[:1].isupper() and par.rstrip('*').endswith('.')
             and not re.match(r'[IVX]+\.|\d+\.', first))
    return Paragraph(parts, plain)


def load_templates(folder):
    templates, names = [], {}
    paths = sorted(p for p in os.listdir(folder) if p.endswith('.txt'))
    raw = {}
    for p in paths:
        with open(os.path.join(folder, p), encoding='utf-8-sig') as fh:
            raw[p] = nfc(fh.read()).replace('\r\n', '\n').replace('\r', '\n')
        names.update(find_names(raw[p]))
    if not raw:
        sys.exit(f'make_corpus: no *.txt templates in {folder}')
    alternatives = sorted(set(names) | {n.upper() for n in names}, key=len, reverse=True)
    names_re = re.compile('|'.join(re.escape(n) for n in alternatives)) if alternatives else None
    for p in paths:
        pars = [x for x in re.split(r'\n[ \t]*\n', raw[p].strip('\n')) if x.strip()]
        # the body starts after the title block ("BÁO CÁO" and its subject)
        start = next((i + 1 for i, x in enumerate(pars) if 'BÁO CÁO' in x), 0)
        templates.append((os.path.splitext(p)[0],
                          [tokenize(x, names_re, i > start) for i, x in enumerate(pars)]))
    return templates, names


# ---- rendering -----------------------------------------------------------------------------

def group(n):
    """27210 -> '27.210'."""
    s = str(n)
    out = []
    while len(s) > 3:
        out.append(s[-3:])
        s = s[:-3]
    out.append(s)
    return '.'.join(reversed(out))


def fmt_int(n, width):
    if n >= 1000:
        return group(n)
    return str(n).rjust(width, '0') if width else str(n)


def render_num(rng, value, decimals, pct, width):
    if pct:
        scale = 10 ** decimals
        v = value if value == 100 and rng.random() < 0.5 else value + rng.uniform(-8, 8)
        v = min(100.0, max(0.5, v))
        if decimals:
            n = round(v * scale)
            return f'{n // scale},{n % scale:0{decimals}d}{pct}'
        return f'{round(v)}{pct}'
    if width and value < 10:
        n = rng.randint(1, 9)
    else:
        n = max(1, round(value * rng.uniform(0.6, 1.5)))
    s = fmt_int(n, width)
    if decimals:
        s += ',' + ''.join(str(rng.randint(0, 9)) for _ in range(decimals))
    return s


def render_frac(rng, num, den, grouped, width):
    d = max(2, round(den * rng.uniform(0.7, 1.4)))
    n = max(1, min(round(d * num / den * rng.uniform(0.9, 1.02)), round(d * 1.1)))
    if grouped:
        return f'{group(n)}/{group(d)}'
    return f'{str(n).rjust(width, "0")}/{d}'


def render_mark(style, n):
    if style == 'unicode':
        return str(n).translate(TO_SUPER)
    if style == 'html':
        return f'<sup>{n}</sup>'
    return f' [{n}]'


def render_body(style, n):
    return render_mark(style, n).lstrip() + ' '


class Doc:
    def __init__(self, rng, names):
        self.rng = rng
        self.style = rng.choice(['unicode', 'html', 'bracket'])
        self.nfd = rng.random() < 0.25
        self.crlf = rng.random() < 0.25
        self.names = names
        self.chosen = {}

    def name(self, text):
        key = text if text in self.names else text.title()
        if key not in self.chosen:
            pool = PROVINCES if self.names.get(key) == 'province' else DISTRICTS
            self.chosen[key] = self.rng.choice(pool)
        out = self.chosen[key]
        return out.upper() if text.isupper() else out

    def render(self, par):
        out = []
        rng = self.rng
        for p in par.parts:
            if isinstance(p, str):
                out.append(p)
            elif p[0] == 'num':
                out.append(render_num(rng, *p[1:]))
            elif p[0] == 'frac':
                out.append(render_frac(rng, *p[1:]))
            elif p[0] == 'name':
                out.append(self.name(p[1]))
            elif p[0] == 'mark':
                out.append(render_mark(self.style, p[1]))
            else:
                out.append(render_body(self.style, p[1]))
        return ''.join(out)


def shape(rng, pars, pool, target):
    """Duplicates, drops and shuffles plain paragraphs towards `target` bytes."""
    pars = list(pars)
    size = sum(p.size + 2 for p in pars)
    plain_at = [i for i, p in enumerate(pars) if p.plain]
    while size > target and len(plain_at) > 2:
        i = plain_at.pop(rng.randrange(len(plain_at)))
        size -= pars[i].size + 2
        pars[i] = None
    pars = [p for p in pars if p is not None]
    anchors = [i for i, p in enumerate(pars) if p.plain] or [len(pars) - 1]
    inserts = {}
    while size < target and pool:
        p = rng.choice(pool)
        inserts.setdefault(rng.choice(anchors), []).append(p)
        size += p.size + 2
    out = []
    for i, p in enumerate(pars):
        out.append(p)
        out.extend(inserts.get(i, ()))
    # shuffle runs of plain paragraphs (a section's order is not sacred)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].plain:
            j += 1
        if j - i > 1 and rng.random() < 0.5:
            run = out[i:j]
            rng.shuffle(run)
            out[i:j] = run
        i = max(j, i + 1)
    return out


def make_doc(seed, index, templates, pool, names, target):
    rng = random.Random(f'{seed}:{index}')
    tname, pars = templates[rng.randrange(len(templates))]
    doc = Doc(rng, names)
    text = '\n\n'.join(doc.render(p) for p in shape(rng, pars, pool, target)) + '\n'
    if doc.nfd:
        text = unicodedata.normalize('NFD', text)
    if doc.crlf:
        text = text.replace('\n', '\r\n')
    return tname, text.encode('utf-8')


# ---- the corpus ---------------------------------------------------------------------------------

def prepare_out(out):
    if os.path.exists(out):
        entries = os.listdir(out)
        if entries and 'corpus.json' not in entries:
            sys.exit(f'make_corpus: {out} is not empty and holds no earlier corpus; not touching it')
        for e in entries:
            p = os.path.join(out, e)
            if re.fullmatch(r'\d{3}', e) and os.path.isdir(p):
                shutil.rmtree(p)
            elif e in ('files.txt', 'corpus.json'):
                os.unlink(p)
    os.makedirs(out, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--mb', type=float, default=200.0, help='at least this many 10^6 bytes')
    ap.add_argument('--docs', type=int, default=20000, help='at least this many documents')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--templates', default=DEFAULT_TEMPLATES)
    ap.add_argument('--quiet', action='store_true')
    a = ap.parse_args()
    if a.mb <= 0 or a.docs <= 0:
        ap.error('--mb and --docs must be positive')

    templates, names = load_templates(a.templates)
    pool = [p for _, pars in templates for p in pars if p.plain]
    prepare_out(a.out)
    want = int(a.mb * 1e6)
    total, i, paths = 0, 0, []
    while i < a.docs or total < want:
        left = max(a.docs - i, 1)
        mean = max(want - total, 0) / left
        target = mean * random.Random(f'{a.seed}:size:{i}').uniform(0.5, 1.5)
        tname, data = make_doc(a.seed, i, templates, pool, names, target)
        folder = os.path.join(a.out, f'{i // 1000:03d}')
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f'{i:06d}_{tname}.txt')
        with open(path, 'wb') as fh:
            fh.write(data)
        paths.append(os.path.abspath(path))
        total += len(data)
        i += 1
        if not a.quiet and i % 2000 == 0:
            print(f'make_corpus: {i} documents, {total / 1e6:.1f} MB', file=sys.stderr)
    with open(os.path.join(a.out, 'files.txt'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(paths) + '\n')
    info = {'seed': a.seed, 'mb': a.mb, 'docs': a.docs, 'documents': i, 'bytes': total,
            'templates': [t for t, _ in templates], 'names': sorted(names)}
    with open(os.path.join(a.out, 'corpus.json'), 'w', encoding='utf-8') as fh:
        json.dump(info, fh, ensure_ascii=False, indent=1)
    if not a.quiet:
        print(f'make_corpus: {i} documents, {total} bytes ({total / 1e6:.1f} MB) in {a.out}',
              file=sys.stderr)


if __name__ == '__main__':
    main()
