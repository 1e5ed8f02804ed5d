"""Test and benchmark tooling kept out of the shipped package.

    evaluation/  the revision generator, its gold, the hand-checked gold pairs, the scorers,
                 and `moves`, the rule for what moved worked out without redline.align
    docxcheck    a structural checker of written DOCX packages (ids, ranges, relationships)

Tests import it as `support` (tests/ is on pytest's path); benchmarks put tests/ on
`sys.path` first.
"""
