"""`python -m clean_article` runs the command line."""

from clean_article.cli import main

main()
