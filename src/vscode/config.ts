// Typed access to the `plainsight.*` settings, read per resource so folder settings apply.
import * as vscode from 'vscode';
import type { Config, Severity } from '../core/index';
import { projectSettings } from './project';
import { settingPatterns } from './customPatterns';

export const SECTION = 'plainsight';

export interface Settings {
  enable: boolean;
  /** Run on every change (debounced) or only on open and save. */
  run: 'onType' | 'onSave';
  debounceMs: number;
  core: Config;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const rules = c.get<Record<string, Severity | 'off'>>('rules', {});
  // For a file, the nearest .plainsight.json/.yaml wins over these settings for what it names.
  const file = scope instanceof vscode.Uri ? scope : scope && 'uri' in scope && 'languageId' in scope ? scope.uri : undefined;
  const withProject = (core: Config) => (file ? projectSettings(file, core) : core);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 250)),
    core: withProject({
      rules,
      maxFileSize: c.get<number>('maxFileSize', 5 * 1024 * 1024),
      options: {
        privateHostSeverity: c.get<Severity | 'off'>('privateHostSeverity', 'info'),
        allowedHosts: c.get<string[]>('allowedHosts', []).map((h) => h.toLowerCase()),
        allowedValues: c.get<string[]>('allowedValues', []),
        // Compiled once per distinct value, not per call (this runs on every keystroke).
        customPatterns: settingPatterns(c),
      },
    }),
  };
}
