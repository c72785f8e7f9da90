// Validates REST bodies against the schemas extracted from GitHub's OpenAPI description
// (restContract.json). OpenAPI 3.0 is not JSON Schema: "nullable" has to become a null type,
// and GitHub's "int64" format must be known, before Ajv can use the schemas.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import contract from '../restContract.json';

type Json = Record<string, unknown>;
const CONTRACT_ID = 'https://lead-desk.invalid/rest-contract.json';

/** Rewrites OpenAPI 3.0 "nullable: true" into JSON Schema that admits null. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable') continue;
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, s]) => [name, toJsonSchema(s)]));
    else if (k === 'enum' || k === 'required' || k === 'default') out[k] = v;
    else out[k] = toJsonSchema(v);
  }
  if (src.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

/** Points "#/components/..." references at the contract document, which has its own $id. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${CONTRACT_ID}${v}` : absoluteRefs(v)]));
}

export interface ContractCheck {
  /** True when the contract names this status for the operation (false: checked as basic-error). */
  documented: boolean;
  errors: string[];
}

export class RestContract {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly operations: string[];

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.ajv.addSchema({ $id: CONTRACT_ID, components: toJsonSchema(contract.components) });
    this.operations = Object.keys(contract.operations);
  }

  check(operation: string, status: number, body: unknown): ContractCheck {
    const op = (contract.operations as Record<string, { responses: Record<string, unknown> }>)[operation];
    if (!op) throw new Error(`The contract has no operation ${operation}; re-run test/tools/extractRestContract.mjs`);
    const documented = String(status) in op.responses;
    const key = `${operation} ${documented ? status : 'basic-error'}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const schema = documented ? absoluteRefs(toJsonSchema(op.responses[String(status)])) : { $ref: `${CONTRACT_ID}#/components/schemas/basic-error` };
      validate = this.ajv.compile(schema as Json);
      this.cache.set(key, validate);
    }
    const ok = validate(body);
    return { documented, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`) };
  }
}
