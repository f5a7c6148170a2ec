"""Weights of the published-date choice (date_choice.py), fitted on fold 0.

Written by `python -m clean_article.bench dates --refit`, which printed:

| published, same day | pages | fitted choice | htmldate alone |
|---------------------|-------|---------------|----------------|
| labelled fold 0     | 26    | 0.962         | 0.885          |
| labelled fold 1     | 33    | 1.000         | 1.000          |
| multilingual fold 0 | 157   | 0.892         | 0.866          |
| multilingual fold 1 | 193   | 0.917         | 0.912          |
| dates fold 0        | 232   | 0.931         | 0.901          |
| dates fold 1        | 260   | 0.942         | 0.942          |
(fitted on 243 fold-0 pages; L2 0.003, 3000 steps)
"""

DATE_WEIGHTS: dict[str, float] = {
    "shown_published": 0.247,
    "jsonld_published": 0.86,
    "meta_published": 0.777,
    "time_published": 0.289,
    "shown": 0.754,
    "htmldate_original": -0.157,
    "url": 1.468,
    "htmldate_latest": -0.111,
    "shown_modified": 1.013,
    "jsonld_modified": 0.161,
    "meta_modified": -0.777,
    "time_modified": 0.655,
    "earliest": 0.099,
    "latest": 0.245,
    "sources": 1.295,
}
