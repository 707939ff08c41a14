#!/usr/bin/env python3
"""issue_schema_check.py - schemas/issue.schema.json against the issue YAMLs.

    issue_schema_check.py SCHEMA.json EDITION.yaml [MALFORMED_DIR]

The edition must validate; so must MALFORMED_DIR/valid.yaml, and a few
documents broken on purpose must not (so a schema that accepts everything
fails). Validation is by a small validator of the keywords the schema uses
(type, properties, required, additionalProperties, items, minItems,
maxItems, minimum, maximum, minLength, pattern, enum, const, oneOf, $ref), so
the test needs only python3-yaml; when the jsonschema module is installed it
validates with that as well.
"""
import copy
import json
import re
import sys

import yaml


class Loader(yaml.SafeLoader):
    """YAML with dates left as strings, as newsprint reads them."""


Loader.add_constructor('tag:yaml.org,2002:timestamp', Loader.construct_yaml_str)

TYPES = {'object': dict, 'array': list, 'string': str, 'integer': int, 'boolean': bool,
         'number': (int, float)}


def is_type(doc, t):
    if isinstance(t, list):
        return any(is_type(doc, one) for one in t)
    return isinstance(doc, TYPES[t]) and not (t in ('integer', 'number') and isinstance(doc, bool))


def errors(schema, doc, root, path='$'):
    if '$ref' in schema:
        ref = root
        for part in schema['$ref'].lstrip('#/').split('/'):
            ref = ref[part]
        yield from errors(ref, doc, root, path)
    if 'oneOf' in schema:
        ok = sum(1 for s in schema['oneOf'] if not list(errors(s, doc, root, path)))
        if ok != 1:
            yield f'{path}: matches {ok} of the oneOf choices'
    if 'const' in schema and doc != schema['const']:
        yield f'{path}: {doc!r} is not {schema["const"]!r}'
    if 'enum' in schema and doc not in schema['enum']:
        yield f'{path}: {doc!r} not one of {schema["enum"]}'
    t = schema.get('type')
    if t:
        if not is_type(doc, t):
            yield f'{path}: expected {t}, found {type(doc).__name__}'
            return
    if isinstance(doc, dict):
        for k in schema.get('required', []):
            if k not in doc:
                yield f'{path}: missing {k}'
        props = schema.get('properties', {})
        for k, v in doc.items():
            if k in props:
                yield from errors(props[k], v, root, f'{path}.{k}')
            elif schema.get('additionalProperties') is False:
                yield f'{path}: unknown key {k}'
    if isinstance(doc, list):
        if len(doc) < schema.get('minItems', 0) or len(doc) > schema.get('maxItems', 1 << 30):
            yield f'{path}: {len(doc)} items'
        for i, v in enumerate(doc):
            if 'items' in schema:
                yield from errors(schema['items'], v, root, f'{path}[{i}]')
    if isinstance(doc, int) and not isinstance(doc, bool):
        if doc < schema.get('minimum', doc) or doc > schema.get('maximum', doc):
            yield f'{path}: {doc} out of range'
    if isinstance(doc, str):
        if len(doc) < schema.get('minLength', 0):
            yield f'{path}: too short'
        if 'pattern' in schema and not re.search(schema['pattern'], doc):
            yield f'{path}: {doc!r} does not match {schema["pattern"]}'


def check(schema, doc):
    found = list(errors(schema, doc, schema))
    try:
        import jsonschema
    except ImportError:
        return found
    v = jsonschema.Draft202012Validator(schema)
    found += [f'jsonschema: {e.message}' for e in v.iter_errors(doc)]
    return found


def main():
    schema = json.load(open(sys.argv[1]))
    fail = 0
    docs = [sys.argv[2]] + ([sys.argv[3] + '/valid.yaml'] if len(sys.argv) > 3 else [])
    for path in docs:
        doc = yaml.load(open(path), Loader=Loader)
        for e in check(schema, doc):
            print(f'FAIL {path}: {e}')
            fail = 1
        if not fail:
            print(f'ok {path}')
    edition = yaml.load(open(sys.argv[2]), Loader=Loader)
    page = lambda d: d['issue']['pages'][0]
    story = lambda d: page(d)['stories'][0]
    broken = {
        'unknown key': lambda d: d['issue'].update(colour='red'),
        'missing name': lambda d: d['issue'].pop('name'),
        'bad date': lambda d: d['issue'].update(date='15.10.2024'),
        'columns of three': lambda d: story(d).update(columns=[1, 2, 3]),
        'column 0': lambda d: story(d).update(columns=[0, 2]),
        'depth 0': lambda d: story(d).update(depth=0),
        'depth word': lambda d: story(d).update(depth='bottom'),
        'template': lambda d: page(d).update(template='cover'),
        'section letter': lambda d: page(d).update(section_letter='a1'),
        'jump without page': lambda d: story(d)['jumps'][0].pop('page'),
        'story without article': lambda d: story(d).pop('article'),
        'no pages': lambda d: d['issue'].update(pages=[]),
    }
    for name, breaking in broken.items():
        doc = copy.deepcopy(edition)
        breaking(doc)
        if not list(errors(schema, doc, schema)):
            print(f'FAIL the schema accepts an issue with a {name}')
            fail = 1
        else:
            print(f'ok refuses {name}')
    return fail


if __name__ == '__main__':
    sys.exit(main())
