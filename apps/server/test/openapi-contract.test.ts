import { api, validateIdNumber } from '@linli/contracts';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { addExamples, differences, generate, render, serverDocument } from '../src/openapi/document.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

describe('the OpenAPI document as a contract', () => {
  it('every JSON request body and success response carries an example that its own schema accepts', async () => {
    const doc = addExamples(await serverDocument());
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('cn-id-number', { validate: (s: string) => validateIdNumber(s) === null });
    const bad: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const media = [
          ['body', op.requestBody?.content?.['application/json']],
          ...Object.entries(op.responses ?? {})
            .filter(([status]) => status.startsWith('2'))
            .map(([status, r]) => [status, r.content?.['application/json']] as const),
        ] as const;
        for (const [what, m] of media) {
          if (!m?.schema) continue;
          checked++;
          if (m.example === undefined) bad.push(`${method} ${path} ${what}: no example`);
          else if (!ajv.validate(m.schema as object, m.example))
            bad.push(`${method} ${path} ${what}: ${ajv.errorsText(ajv.errors)}`);
        }
      }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(150);
    // The hand-written ones are used where given.
    expect(doc.paths['/api/auth/login']!.post!.requestBody!.content!['application/json']!.example).toEqual({
      phone: '13800000003',
      password: 'Linli@2026',
    });
    expect(
      doc.paths['/open311/v2/{name}']!.post!.requestBody!.content!['application/x-www-form-urlencoded'],
    ).toBeTruthy();
  });

  it('the check fails when a route’s schema changes without regenerating, naming both committed files', async () => {
    const now = await generate();
    const body = api.auth.login.body as unknown as { properties: Record<string, unknown> };
    body.properties.otp = { type: 'string', maxLength: 6 };
    try {
      const changed = await generate();
      expect(changed.document).not.toBe(now.document);
      expect(changed.document).toContain('"otp"');
      expect(changed.types).toMatch(/otp\?: string/);
      expect(await differences(changed)).toEqual(['docs/openapi.json', 'packages/contracts/src/generated/openapi.ts']);
    } finally {
      delete body.properties.otp;
    }
    // Rendering is deterministic: the same code renders the same files.
    expect((await render(addExamples(await serverDocument()))).document).toBe(now.document);
  });
});
