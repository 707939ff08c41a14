#!/usr/bin/env python3
"""schema_test.py - schemas/*.schema.json against every YAML input in the tree.

    schema_test.py SOURCE_ROOT

Each YAML file under examples/, layouts/ and tests/ is read as an editor's
YAML 1.2 language server reads it (dates stay strings; yes/no/on/off are
strings; duplicate keys are an error) and checked against its schema: the
issue schema when its top-level key is `issue`, the layout schema for
layouts/, examples/layouts/ and *.layout.yaml, else the article schema.

- Inputs newsprint accepts must pass.
- Inputs broken on purpose (tests/malformed, tests/malformed-issue, the hostile
  and fuzz cases newsprint refuses) must fail, unless BEYOND names the case
  with the reason a schema cannot know it; and a case BEYOND names must pass
  the schema, so the list cannot hide a case the schema has learnt to catch.
"""
import copy
import glob
import json
import os
import re
import sys

import yaml

try:
    import jsonschema
except ImportError:
    sys.exit('schema_test: the python3 jsonschema module is missing '
             '(apt-get install python3-jsonschema; tools/install-deps.sh)')

# Cases a schema cannot refuse, by path from the source root, with the reason.
FILES = 'needs the file system'
LAYOUT = 'needs the layout (its columns, its grid)'
RELATION = 'a relation between two values, or between items of a list'
YAML = 'YAML anchors and tags: a YAML reader takes them, newsprint refuses them'
ASTRAL = 'a non-character beyond U+FFFF: a JSON Schema regex (no u flag) cannot name it'
BEYOND = {}
for reason, cases in [
        (FILES, ['malformed-issue/ad-image-missing', 'malformed-issue/ad-image-not-image',
                 'malformed-issue/article-is-folder', 'malformed-issue/duplicate-id',
                 'malformed-issue/missing-article-file', 'malformed/image-folder',
                 'malformed/image-missing', 'malformed/image-not-image']),
        (LAYOUT, ['malformed-issue/ad-overlaps-story', 'malformed-issue/columns-beyond-layout',
                  'malformed-issue/jump-overlaps-ad', 'malformed-issue/module-outside-grid-top',
                  'malformed-issue/module-outside-grid', 'malformed-issue/top-depth-overflow',
                  'malformed-issue/two-stories-one-module', 'malformed/column-default-span-beyond',
                  'malformed/column-span-beyond-layout', 'malformed/sidebar-column-beyond-layout',
                  'malformed/span-beyond-layout']),
        (RELATION, ['malformed-issue/article-placed-twice', 'malformed-issue/columns-reversed',
                    'malformed-issue/jump-before-previous-jump', 'malformed-issue/jump-missing-page',
                    'malformed-issue/section-letter-reused', 'malformed/after-out-of-range',
                    'malformed/layout-leading-over-grid.layout',
                    'malformed/layout-margins-no-room.layout',
                    'malformed/layout-no-column-width.layout',
                    'malformed/layout-one-column-default-span.layout',
                    'malformed/layout-span-beyond-columns.layout',
                    'malformed/layout-subhead-leading-over-grid.layout']),
        (YAML, ['malformed/anchor', 'malformed/anchor-list', 'malformed/tag-str']),
        (ASTRAL, ['malformed/noncharacter-u10ffff', 'malformed/layout-noncharacter.layout'])]:
    BEYOND.update({f'tests/{case}.yaml': reason for case in cases})


class Loader(yaml.SafeLoader):
    """YAML 1.2 core schema scalars; duplicate keys refused."""


Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
        ('bool', r'^(?:true|True|TRUE|false|False|FALSE)$', 'tTfF'),
        ('int', r'^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$', '-+0123456789'),
        ('float', r'^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?'
                  r'|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$', '-+.0123456789'),
        ('null', r'^(?:~|null|Null|NULL|)$', ['~', 'n', 'N', ''])]:
    Loader.add_implicit_resolver('tag:yaml.org,2002:' + tag, re.compile(regexp), list(first))


def construct_int(loader, node):
    v = loader.construct_scalar(node)
    return int(v[2:], 8) if v.startswith('0o') else int(v, 16) if v.startswith('0x') else int(v)


def construct_float(loader, node):
    v = loader.construct_scalar(node).lower()
    return float(v.replace('.inf', 'inf').replace('.nan', 'nan'))


def construct_mapping(loader, node, deep=False):
    keys = set()
    for k, _ in node.value:
        key = loader.construct_object(k, deep=True)
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, f'duplicate key {key!r}', k.start_mark)
        keys.add(key)
    return loader.construct_mapping(node, deep)


Loader.add_constructor('tag:yaml.org,2002:int', construct_int)
Loader.add_constructor('tag:yaml.org,2002:float', construct_float)
Loader.add_constructor('tag:yaml.org,2002:map', construct_mapping)


def schema_for(rel, doc):
    if isinstance(doc, dict) and 'issue' in doc:
        return 'issue'
    if rel.startswith(('layouts/', 'examples/layouts/')) or rel.endswith('.layout.yaml') \
            or rel == 'tests/press/layout.yaml':
        return 'layout'
    return 'article'


def verdict(root, rel, validators):
    """(None, error) when the YAML cannot be read, else (schema, errors)."""
    try:
        with open(os.path.join(root, rel), 'rb') as f:
            doc = yaml.load(f, Loader=Loader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as e:
        return None, [f'not read as YAML: {str(e).splitlines()[0]}']
    name = schema_for(rel, doc)
    errs = [f'{"/".join(map(str, e.absolute_path)) or "(top)"}: {e.message}'
            for e in validators[name].iter_errors(doc)]
    return name, errs


def expected_invalid(root, rel):
    """True when newsprint refuses the file on its own, as the cases say."""
    d, base = os.path.split(rel)
    name = base[:-len('.yaml')]
    if d in ('tests/malformed', 'tests/malformed-issue'):
        if name == 'valid':
            return False
        if name.endswith('.layout'):
            return True
        # an article with a broken layout beside it is the layout's case
        return not os.path.exists(os.path.join(root, d, name + '.layout.yaml'))
    if d == 'tests/hostile':
        with open(os.path.join(root, d, name + '.expect')) as f:
            return f.readline().split() != ['exit', '0']
    if d == 'tests/regress/fuzz':
        return name != 'article'
    return False


# Broken copies of a valid article and layout: each must be refused (a schema
# that accepts everything fails here even where no case file breaks that key).
ARTICLE_BREAKS = {
    'an unknown key': lambda d: d.update(colour='red'),
    'a blank headline': lambda d: d.update(headline=' '),
    'an empty body': lambda d: d.update(body=[]),
    'a subhead with another key': lambda d: d['body'].append({'subhead': 'S', 'level': 2}),
    'a date in another form': lambda d: d.update(date='15.10.2024'),
    'a language name': lambda d: d.update(language='english'),
    'an id with a space': lambda d: d.update(id='a b'),
    'a span of 0': lambda d: d['pullquotes'][0].update(span=0),
    'position after without after': lambda d: d['pullquotes'][0].update(position='after')
    or d['pullquotes'][0].pop('after'),
    'a sidebar kind': lambda d: d['sidebars'][0].update(kind='list'),
    'a datelines sidebar with a body': lambda d: d['sidebars'][0].update(body=['x']),
    'a picture by absolute path': lambda d: d.update(images=[{'file': '/etc/passwd'}]),
    'a picture outside the folder': lambda d: d.update(images=[{'file': 'a/../../b.png'}]),
}
LAYOUT_BREAKS = {
    'an unknown key': lambda d: d.update(colour='red'),
    'an unknown section key': lambda d: d['columns'].update(width=3),
    'no columns': lambda d: d['columns'].update(count=0),
    'a length in furlongs': lambda d: d.update(grid='12 furlongs'),
    'a negative margin': lambda d: d.update(margins='-1in'),
    'an unknown style': lambda d: d['styles'].update(bodytext={'size': 9}),
    'an unknown style key': lambda d: d['styles']['body'].update(colour='#000000'),
    'a weight of 950': lambda d: d['styles']['body'].update(weight=950),
    'a colour by name': lambda d: d['styles']['body'].update(color='red'),
    'an em size': lambda d: d['styles']['body'].update(size='1em'),
    'a drop cap of 1 line': lambda d: d.update(drop_cap=1),
    'a hyphenation language name': lambda d: d['hyphenation']['languages'].update(english={}),
    'PDF/X-3': lambda d: d.update(print={'pdfx': 'x3'}),
    'an ink limit of 500': lambda d: d.update(print={'ink_limit': 500}),
    'yes for true': lambda d: d.update(folio='yes'),
}


def breaks(root, validators):
    fail = 0
    for name, rel, cases in [('article', 'examples/commonwealth.yaml', ARTICLE_BREAKS),
                             ('layout', 'layouts/tabloid.yaml', LAYOUT_BREAKS)]:
        with open(os.path.join(root, rel), 'rb') as f:
            valid = yaml.load(f, Loader=Loader)
        for what, breaking in cases.items():
            doc = copy.deepcopy(valid)
            breaking(doc)
            if validators[name].is_valid(doc):
                print(f'FAIL the {name} schema accepts {rel} with {what}')
                fail = 1
    return fail


def main():
    root = sys.argv[1]
    validators = {}
    for name in ('article', 'layout', 'issue'):
        with open(os.path.join(root, 'schemas', name + '.schema.json')) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        want_id = f'https://newsprint.invalid/schemas/{name}.schema.json'
        if schema.get('$id') != want_id:
            print(f'FAIL {name}.schema.json: $id is {schema.get("$id")!r}, not {want_id!r}')
            return 1
        validators[name] = jsonschema.Draft202012Validator(schema)
    files = []
    for pattern in ('examples/**/*.yaml', 'layouts/*.yaml', 'tests/**/*.yaml'):
        files += glob.glob(pattern, root_dir=root, recursive=True)
    files = sorted(f for f in files if not f.startswith('tests/fuzz/'))
    fail = 0
    counts = {'pass': 0, 'refused': 0, 'beyond': 0}
    for rel in files:
        bad = expected_invalid(root, rel)
        schema, errs = verdict(root, rel, validators)
        if not bad and errs:
            print(f'FAIL {rel} ({schema or "yaml"}): newsprint accepts it, the schema does not:')
            for e in errs[:5]:
                print(f'    {e}')
            fail = 1
        elif bad and rel in BEYOND:
            if errs:
                print(f'FAIL {rel}: refused ({errs[0]}), but BEYOND says a schema cannot '
                      f'know it ({BEYOND[rel]}): take it off the list')
                fail = 1
            counts['beyond'] += 1
        elif bad and not errs:
            print(f'FAIL {rel} ({schema}): newsprint refuses it, the schema accepts it')
            fail = 1
        else:
            counts['refused' if bad else 'pass'] += 1
    for rel in BEYOND:
        if rel not in files:
            print(f'FAIL BEYOND names {rel}, which does not exist')
            fail = 1
    fail |= breaks(root, validators)
    print(f'{len(files)} files: {counts["pass"]} valid pass, {counts["refused"]} broken '
          f'refused, {counts["beyond"]} broken beyond a schema')
    return fail


if __name__ == '__main__':
    sys.exit(main())
