// A small checker for Stripe's OpenAPI 3.0 spec: does a JSON value fit a schema? Enough for
// conformance tests (types, required properties, enums, unknown properties, $ref, anyOf,
// nullable); formats, lengths and patterns are not checked.

export interface OpenApiSchema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  nullable?: boolean;
  enum?: unknown[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export class SpecChecker {
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(readonly spec: OpenApiSpec) {
    // Literal segments before templated ones, so /v1/events/{id} never shadows a longer path.
    this.templates = Object.keys(spec.paths)
      .sort((a, b) => b.split('/').length - a.split('/').length || a.localeCompare(b))
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }));
  }

  schema(name: string): OpenApiSchema {
    const schema = this.spec.components.schemas[name];
    if (!schema) throw new Error(`The spec has no schema named ${name}`);
    return schema;
  }

  /** The spec's path template for a concrete path (`/v1/charges/ch_1` -> `/v1/charges/{charge}`). */
  template(path: string): string | undefined {
    const exact = this.spec.paths[path] ? path : undefined;
    return exact ?? this.templates.find((t) => t.pattern.test(path))?.template;
  }

  operation(method: string, path: string): OpenApiOperation | undefined {
    const template = this.template(path);
    return template === undefined ? undefined : this.spec.paths[template]?.[method.toLowerCase()];
  }

  /** The response schema for a status: 200 for success, `default` (the error envelope) otherwise. */
  responseSchema(method: string, path: string, status: number): OpenApiSchema | undefined {
    const responses = this.operation(method, path)?.responses ?? {};
    const response =
      responses[String(status)] ?? (status >= 400 ? responses['default'] : undefined);
    return response?.content?.['application/json']?.schema;
  }

  /** The form-encoded request body schema of a POST (or DELETE). */
  requestSchema(method: string, path: string): OpenApiSchema | undefined {
    const content = this.operation(method, path)?.requestBody?.content;
    return content?.['application/x-www-form-urlencoded']?.schema;
  }

  /** Query parameter names and schemas of a GET. */
  queryParameters(method: string, path: string): Map<string, OpenApiSchema> {
    const out = new Map<string, OpenApiSchema>();
    for (const p of this.operation(method, path)?.parameters ?? []) {
      if (p.in === 'query') out.set(p.name, p.schema ?? {});
    }
    return out;
  }

  resolve(schema: OpenApiSchema): OpenApiSchema {
    let current = schema;
    for (let depth = 0; current.$ref !== undefined; depth++) {
      if (depth > 20) throw new Error(`Unresolvable $ref ${current.$ref}`);
      const name = current.$ref.replace('#/components/schemas/', '');
      current = this.schema(name);
    }
    return current;
  }

  /** Every way `value` does not fit `schema`, as `path: problem` lines; empty when it fits. */
  check(value: unknown, schema: OpenApiSchema, at = '$'): string[] {
    const s = this.resolve(schema);
    if (value === null) return s.nullable ? [] : [`${at}: null but not nullable`];
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) {
      const results = alternatives.map((alt) => this.check(value, alt, at));
      if (results.some((r) => r.length === 0)) return [];
      // The closest alternative explains the failure best.
      return results.reduce((best, r) => (r.length < best.length ? r : best));
    }
    const problems: string[] = [];
    for (const part of s.allOf ?? []) problems.push(...this.check(value, part, at));
    if (s.enum && !s.enum.includes(value)) {
      problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
    }
    switch (s.type) {
      case 'string':
        if (typeof value !== 'string') problems.push(`${at}: expected a string`);
        break;
      case 'integer':
        if (!Number.isInteger(value)) problems.push(`${at}: expected an integer`);
        break;
      case 'number':
        if (typeof value !== 'number') problems.push(`${at}: expected a number`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push(`${at}: expected a boolean`);
        break;
      case 'array':
        if (!Array.isArray(value)) {
          problems.push(`${at}: expected an array`);
        } else if (s.items) {
          value.forEach((item, i) => problems.push(...this.check(item, s.items!, `${at}[${i}]`)));
        }
        break;
      case 'object':
      case undefined:
        if (s.type === 'object' || s.properties) problems.push(...this.checkObject(value, s, at));
        break;
    }
    return problems;
  }

  private checkObject(value: unknown, s: OpenApiSchema, at: string): string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [`${at}: expected an object`];
    }
    const record = value as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of s.required ?? []) {
      if (!(key in record)) problems.push(`${at}: missing required property ${key}`);
    }
    const properties = s.properties ?? {};
    for (const [key, item] of Object.entries(record)) {
      const property = properties[key];
      if (property) {
        problems.push(...this.check(item, property, `${at}.${key}`));
      } else if (typeof s.additionalProperties === 'object') {
        problems.push(...this.check(item, s.additionalProperties, `${at}.${key}`));
      } else if (s.properties && s.additionalProperties !== true) {
        problems.push(`${at}: unknown property ${key}`);
      }
    }
    return problems;
  }
}
