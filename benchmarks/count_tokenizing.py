"""How often a text comparison tokenizes each paragraph (issue 14: "tokenize once").

    python3 benchmarks/count_tokenizing.py [--size 1000] [--seed 14]

Runs compare + write_docx on bench_speed's text pair of --size corpus paragraphs with the
two tokenizers of redline.diff (`tokenize`: a line's diff tokens; `words`: the word tokens
similarity is scored on) wrapped, and prints how many calls each caller made, how many
distinct texts were tokenized, and the most any one text was tokenized by one tokenizer.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_speed

import redline
from redline import diff


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    calls: Counter[tuple[str, str]] = Counter()
    texts: Counter[tuple[str, str]] = Counter()

    def counted(name: str, tokenizer: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
        def wrapper(text: str) -> list[str]:
            caller = sys._getframe(1).f_code
            calls[(name, f"{Path(caller.co_filename).name}:{caller.co_name}")] += 1
            texts[(name, text)] += 1
            return tokenizer(text)

        return wrapper

    originals = {"tokenize": diff.tokenize, "words": diff.words}
    for module in [m for m in sys.modules.values() if m.__name__.startswith("redline")]:
        for name, original in originals.items():
            if getattr(module, name, None) is original:
                setattr(module, name, counted(name, original))
    old, new = bench_speed.text_pair(bench_speed.corpus_paragraphs(), args.size, args.seed)
    comparison = redline.compare(bench_speed.render(old), bench_speed.render(new))
    redline.write_docx(comparison, io.BytesIO(), date=bench_speed.DATE)
    print(f"{args.size} paragraphs a side, {len(comparison.matches)} matches")
    print("| tokenizer | caller | calls |\n|---|---|---|")
    for (name, caller), n in sorted(calls.items()):
        print(f"| {name} | {caller} | {n} |")
    for name in originals:
        per_text = [n for (kind, _), n in texts.items() if kind == name]
        if per_text:
            print(f"{name}: {len(per_text)} distinct texts, at most {max(per_text)} calls each")


if __name__ == "__main__":
    main()
