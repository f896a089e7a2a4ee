import { ESLint } from 'eslint';

/**
 * The import boundaries enforce themselves: each case is code that crosses a boundary, linted as if
 * it lived at `file`, and must fail with the boundary rule (issue 8: CI fails when a boundary is crossed).
 */
describe('lint: import boundaries', () => {
  const eslint = new ESLint();
  const cases: Array<{ what: string; file: string; code: string; allowed?: boolean }> = [
    {
      what: 'a service importing a route',
      file: 'server/services/boundary-probe.ts',
      code: "import { healthRoutes } from '../routes/health/index.ts';\nexport const x = healthRoutes;\n",
    },
    {
      what: 'the db layer importing a service',
      file: 'server/db/boundary-probe.ts',
      code: "import { hashPassword } from '../services/passwords.ts';\nexport const x = hashPassword;\n",
    },
    {
      what: 'a route folder importing another route folder',
      file: 'server/routes/patients/boundary-probe.ts',
      code: "import { healthRoutes } from '../health/index.ts';\nexport const x = healthRoutes;\n",
    },
    {
      what: 'domain importing the server',
      file: 'domain/boundary-probe.ts',
      code: "import { buildApp } from '../server/app.ts';\nexport const x = buildApp;\n",
    },
    {
      what: 'domain importing a framework',
      file: 'domain/boundary-probe.ts',
      code: "import { Injectable } from '@angular/core';\nexport const x = Injectable;\n",
    },
    {
      what: 'a client feature importing another feature',
      file: 'src/app/features/patients/boundary-probe.ts',
      code: "import { LoginPage } from '../login/login/login-page';\nexport const x = LoginPage;\n",
    },
    {
      what: 'shared/ importing a feature',
      file: 'src/app/shared/boundary-probe.ts',
      code: "import { LoginPage } from '../features/login/login/login-page';\nexport const x = LoginPage;\n",
    },
    {
      what: 'a route importing a service (allowed)',
      file: 'server/routes/patients/boundary-probe.ts',
      code: "import { hashPassword } from '../../services/passwords.ts';\nexport const x = hashPassword;\n",
      allowed: true,
    },
  ];

  for (const c of cases) {
    it(`${c.allowed ? 'allows' : 'refuses'} ${c.what}`, async () => {
      const [result] = await eslint.lintText(c.code, { filePath: c.file });
      const boundary = result!.messages.filter(
        (m) => m.ruleId?.startsWith('boundaries/') || m.ruleId === 'no-restricted-imports',
      );
      if (c.allowed) expect(boundary).toEqual([]);
      else expect(boundary.length).withContext(JSON.stringify(result!.messages)).toBeGreaterThan(0);
    });
  }
});
