import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/Status';
import { Field, ProblemSummary, useFormProblems } from '../fields';
import { listedProblems, proposeReadout } from '../requests';
import type { Proposal, ReadoutFormat, ReadoutSource } from '../types';

const formatOfFile = (file: File): ReadoutFormat | null => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf') || file.type === 'application/pdf') return 'pdf';
  if (/\.html?$/.test(name) || file.type === 'text/html') return 'html';
  if (name.endsWith('.txt') || file.type.startsWith('text/')) return 'text';
  return null;
};

/** A PDF as base64 (the bytes); a text or HTML file as its text. */
async function readFile(file: File, format: ReadoutFormat): Promise<string> {
  if (format !== 'pdf') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The document to read: pasted text (plain or HTML) or a chosen file (.txt, .html, .pdf). */
export function SourceForm({
  onProposal,
}: {
  onProposal: (source: ReadoutSource, proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [pasted, setPasted] = useState<'text' | 'html'>('text');
  const [file, setFile] = useState<ReadoutSource | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const { problems, show, clear, at, summary } = useFormProblems();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    clear();
    setFailure(null);
    if (!chosen) return setFile(null);
    const format = formatOfFile(chosen);
    if (!format) {
      setFile(null);
      return show([
        {
          code: 'unsupported_format',
          field: 'file',
          value: chosen.name,
          expected: t('cooperation.readout.fileTypes'),
        },
      ]);
    }
    setFile({ format, content: await readFile(chosen, format), filename: chosen.name });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const source: ReadoutSource | null =
      file ?? (text.trim() ? { format: pasted, content: text } : null);
    if (!source)
      return show([
        { code: 'required', field: 'content', expected: t('cooperation.readout.empty') },
      ]);
    setBusy(true);
    try {
      const proposal = await proposeReadout(source);
      clear();
      onProposal(source, proposal);
    } catch (err) {
      const listed = listedProblems(err);
      if (listed)
        show(listed.map((p) => (p.field === 'content' && file ? { ...p, field: 'file' } : p)));
      else {
        clear();
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const unavailable = failure instanceof ApiError && failure.problem.status === 404;
  return (
    <form className="coop-form readout-source" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('cooperation.readout.source')}</h2>
      <ProblemSummary
        problems={problems}
        summary={summary}
        label={(field) =>
          field === 'file' ? t('cooperation.readout.file') : t('cooperation.readout.paste')
        }
        fieldId={(field) =>
          field === 'file' ? `${id}-file` : field === 'format' ? `${id}-format` : `${id}-content`
        }
      />
      {failure !== null && (
        <div className="action-error" data-testid="readout-error">
          <ErrorNotice error={failure} />
          {unavailable && <p className="hint">{t('cooperation.readout.unavailable')}</p>}
        </div>
      )}
      <Field
        id={`${id}-content`}
        label={t('cooperation.readout.paste')}
        problems={[...at('content'), ...(file ? [] : at('format'))]}
        wide
      >
        {(props) => (
          <textarea
            {...props}
            rows={10}
            value={text}
            disabled={file !== null}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-format`} label={t('cooperation.readout.pasteFormat')} problems={[]}>
        {(props) => (
          <select
            {...props}
            value={pasted}
            disabled={file !== null}
            onChange={(e) => setPasted(e.target.value === 'html' ? 'html' : 'text')}
          >
            <option value="text">{t('cooperation.readout.formatText')}</option>
            <option value="html">{t('cooperation.readout.formatHtml')}</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-file`} label={t('cooperation.readout.file')} problems={at('file')} wide>
        {(props) => (
          <input
            key={fileKey}
            {...props}
            type="file"
            accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"
            onChange={(e) => void choose(e)}
          />
        )}
      </Field>
      {file && (
        <p className="status" data-testid="readout-file">
          {t('cooperation.readout.fileChosen', {
            name: file.filename,
            format: file.format.toUpperCase(),
          })}{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setFile(null);
              setFileKey((k) => k + 1);
            }}
          >
            {t('cooperation.readout.clearFile')}
          </button>
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('cooperation.readout.proposing') : t('cooperation.readout.propose')}
      </button>
    </form>
  );
}
