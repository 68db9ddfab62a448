"""Build glue for the MkDocs site: puts the rules package and its texts into the pages.

- `wheel`: the checker wheel (with Pyodide bytecode) and the self-hosted Pyodide files;
- `texts`: reads the Markdown texts under docs/includes/;
- `pages`: the generated parts of pages, rendered from Jinja templates in overrides/partials/;
- `markers`: `<!-- sitebuild:<name> -->` markers in Markdown, each naming its renderer;
- `html`: passes over a page's rendered HTML.

The hooks in overrides/hooks/ call these; nothing here needs MkDocs except a Jinja
environment, so each part can be tested on its own.
"""
