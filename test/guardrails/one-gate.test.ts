import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * "Every text that reaches a person passes the guard" as a property of the code, not of review:
 * the branded CheckedText is made only in src/guardrails, the platform messages only by their
 * render modules, and every call that sends text to Slack or Teams passes one of them.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = path.join(root, 'src');
/** A send path written the wrong way on purpose: the analysis must flag it. */
const UNCHECKED_FIXTURE = path.join(root, 'test/fixtures/unchecked-send.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

/** Methods that put text in front of a person on Slack or Teams, and the properties that carry it. */
const SEND_METHODS = new Set([
  'postMessage',
  'postEphemeral',
  'update',
  'setStatus',
  'append',
  'stop',
  'sendActivity',
  'updateActivity',
  'respond',
  'say',
]);
const TEXT_PROPERTIES = new Set(['text', 'markdown_text', 'status', 'loading_messages', 'summary', 'value']);
/** Methods and functions that present checked text without adding to it: a part, or platform markup. */
const PRESENTING_METHODS = new Set(['slice', 'trim', 'trimEnd', 'trimStart']);
const PRESENTING_FUNCTIONS = new Set(['toMrkdwn', 'escapeMrkdwn', 'escapeStreamedMarkdown', 'safeMarkdown']);
/**
 * Sends whose text is the asker's own words, shown where they chose to show them: `file key`. Nothing
 * from a document or a model may be added here.
 */
const ALLOWED = new Set([
  // /ask's share button: "<@asker>: their question", posted in the channel above the shared answer.
  'src/bot/slack/ask-command.ts text',
]);
/** Types a send may carry: the guard's output, and the messages only render modules can make. */
const SAFE_TYPE = /\bCheckedText\b|\bSlackMessage\b|\bOutgoingMessage\b|\bInvokeResponse\b/;

/** Each text-bearing property of a send call whose value is not of a checked type: `file:line property`. */
function uncheckedSends(files: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  )!;
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const problems: string[] = [];

  const safe = (node: ts.Expression, depth = 0): boolean => {
    if (depth > 8) return false;
    const inner = (e: ts.Expression) => safe(e, depth + 1);
    if (ts.isParenthesizedExpression(node)) return inner(node.expression);
    if (ts.isStringLiteral(node) && node.text === '') return true;
    if (ts.isConditionalExpression(node)) return inner(node.whenTrue) && inner(node.whenFalse);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      return inner(node.left) && inner(node.right);
    if (ts.isCallExpression(node)) {
      // Presentation of checked text: a part of it, or the same text in the platform's markup.
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && PRESENTING_METHODS.has(callee.name.text))
        return inner(callee.expression);
      if (ts.isIdentifier(callee) && PRESENTING_FUNCTIONS.has(callee.text) && node.arguments[0])
        return inner(node.arguments[0]);
    }
    if (ts.isIdentifier(node)) {
      // A local variable is as safe as what it was made from.
      const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
        if (inner(declaration.initializer)) return true;
      }
    }
    if (node.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(node) && node.text === 'undefined'))
      return true;
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => ts.isExpression(e) && inner(e));
    if (ts.isSpreadElement(node)) return inner(node.expression);
    if (ts.isPropertyAccessExpression(node)) {
      const owner = checker.typeToString(checker.getTypeAtLocation(node.expression));
      if (SAFE_TYPE.test(owner)) return true;
    }
    return safeType(checker.getTypeAtLocation(node));
  };

  /** A type is safe when each of its union members is checked text, a sealed message, or nothing. */
  const safeType = (type: ts.Type): boolean => {
    if (type.isUnion()) return type.types.every(safeType);
    const name = checker.typeToString(type);
    return SAFE_TYPE.test(name) || name === 'undefined' || name === '""';
  };

  /** Assignments `x.text = …` to a local variable, for payloads built step by step. */
  const assignedTexts = (symbol: ts.Symbol, source: ts.SourceFile): ts.BinaryExpression[] => {
    const found: ts.BinaryExpression[] = [];
    const visit = (node: ts.Node) => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        TEXT_PROPERTIES.has(node.left.name.text) &&
        checker.getSymbolAtLocation(node.left.expression) === symbol
      ) {
        found.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  };

  type Report = (at: ts.Node, key: string) => void;

  /** Every text-bearing property of a payload, however deep (blocks, attachments, spreads, variables). */
  const checkPayload = (node: ts.Expression, source: ts.SourceFile, report: Report, depth = 0): void => {
    if (depth > 8) return;
    const inner = (e: ts.Expression) => checkPayload(e, source, report, depth + 1);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
      inner(node.expression);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      inner(node.whenTrue);
      inner(node.whenFalse);
      return;
    }
    if (ts.isArrayLiteralExpression(node)) {
      for (const e of node.elements) inner(ts.isSpreadElement(e) ? e.expression : e);
      return;
    }
    if (ts.isObjectLiteralExpression(node)) {
      for (const prop of node.properties) {
        if (ts.isSpreadAssignment(prop)) {
          inner(prop.expression);
          continue;
        }
        const key =
          prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))
            ? prop.name.text
            : undefined;
        const value = ts.isPropertyAssignment(prop)
          ? prop.initializer
          : ts.isShorthandPropertyAssignment(prop)
            ? prop.name
            : undefined;
        if (!key || !value) continue;
        if (!TEXT_PROPERTIES.has(key)) inner(value);
        else if (!safe(value)) report(prop, key);
      }
      return;
    }
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const declaration = symbol?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
        inner(declaration.initializer);
      }
      for (const assignment of symbol ? assignedTexts(symbol, source) : []) {
        if (!safe(assignment.right))
          report(assignment, (assignment.left as ts.PropertyAccessExpression).name.text);
      }
    }
  };

  const isText = (type: ts.Type): boolean =>
    Boolean(type.flags & ts.TypeFlags.StringLike) || (type.isUnion() && type.types.some(isText));

  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : '';
        if (SEND_METHODS.has(name)) {
          const report: Report = (at, key) => {
            const { line } = source.getLineAndCharacterOfPosition(at.getStart());
            if (!ALLOWED.has(`${relative(file)} ${key}`))
              problems.push(`${relative(file)}:${line + 1} ${key}`);
          };
          for (const arg of node.arguments) {
            // A text sent as it is (say(text), sendActivity(text)) must itself be checked.
            if (isText(checker.getTypeAtLocation(arg))) {
              if (!safe(arg)) report(arg, '(text)');
            } else {
              checkPayload(arg, source, report);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

describe('one gate: nothing reaches a person without the guard', () => {
  const files = sourceFiles(SRC);

  it('brands text as checked only inside src/guardrails', () => {
    const offenders = files.filter((file) => {
      if (relative(file).startsWith('src/guardrails/')) return false;
      const text = readFileSync(file, 'utf8');
      const imports = [
        ...text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+'[^']*guardrails\/checked-text\.js'/g),
      ];
      // Only the fixed notices may be taken from the module that brands text.
      const brands = imports.some(
        ([, isType, names]) => !isType && !/^\{\s*notice\s*\}$/.test(names!.trim()),
      );
      return /\bas\s+CheckedText\b|<CheckedText>/.test(text) || brands;
    });
    expect(offenders).toEqual([]);
  });

  it('builds platform messages only in their render modules', () => {
    const makers: Record<string, string> = {
      SlackMessage: 'src/bot/slack/slack-blocks.ts',
      OutgoingMessage: 'src/bot/teams/answer-card.ts',
    };
    const offenders = files.flatMap((file) =>
      Object.entries(makers)
        .filter(
          ([type, maker]) =>
            relative(file) !== maker && new RegExp(`\\bas\\s+${type}\\b`).test(readFileSync(file, 'utf8')),
        )
        .map(([type]) => `${relative(file)} casts to ${type}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sends only checked text to Slack and Teams, and the analysis catches a plain string', () => {
    const bot = files.filter((f) => relative(f).startsWith('src/bot/'));
    const problems = uncheckedSends([...bot, UNCHECKED_FIXTURE]);
    const fixture = relative(UNCHECKED_FIXTURE);
    // Every way in the fixture: a literal, a template, a bare string, a nested block, a union with
    // plain text, a payload built step by step, and a string activity.
    expect(problems.filter((p) => p.startsWith(fixture))).toHaveLength(8);
    expect(problems.filter((p) => !p.startsWith(fixture))).toEqual([]);
  }, 60_000);
});
