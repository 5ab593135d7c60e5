"""A personal (n-of-1) trial: a seeded plan of paired blocks, the nights it counts, an exact
randomization test and its verdict. Plain Python, no Textual."""
