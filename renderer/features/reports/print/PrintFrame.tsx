import { Box, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/dates';

/** A CSS string literal: quotes, backslashes and line breaks escaped (the facility name is typed by people). */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The `@page` rules of every printable page: A4, margins, and in the margin boxes the facility's
 * name and the print date (top), the log anchor and "page n/N" (bottom), so each sheet says where
 * and when it comes from even when separated. Chromium draws `@page` margin boxes both in
 * Electron's printToPDF and in page.pdf(); on screen the same facts sit at the top of the sheet.
 */
export function pageCss({ facilityName, printedOn, anchor, pageLabel }: { facilityName: string; printedOn: string; anchor: string; pageLabel: string }): string {
  const box = 'font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #444;';
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(facilityName)}; ${box} }
  @top-right { content: ${cssString(printedOn)}; ${box} }
  @bottom-left { content: ${cssString(anchor)}; ${box} font-size: 6.5pt; font-family: "DejaVu Sans Mono", monospace; }
  @bottom-right { content: ${cssString(pageLabel)} " " counter(page) "/" counter(pages); ${box} }
}
@media print {
  html, body { background: #fff !important; }
  .sen-no-print { display: none !important; }
  .sen-sheet { width: auto !important; min-height: 0 !important; margin: 0 !important; padding: 0 2px !important; box-shadow: none !important; }
  .sen-keep { break-inside: avoid; }
  .sen-screen-only { display: none !important; }
}
@media screen {
  .sen-print-backdrop { background: #e9ecef; min-height: 100vh; padding: 16px 0 32px; }
  .sen-sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 18mm 14mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); box-sizing: border-box; }
}`;
}

export interface PrintFrameProps {
  facilityName: string;
  /** Today (yyyy-MM-dd): the print date on every page. */
  today: string;
  /** The log's latest (seq, hash) the page was made from, when known (the monthly report). */
  anchor?: { seq: number; hash: string };
  title: string;
  subtitle?: string;
  toolbar: ReactNode;
  children: ReactNode;
}

/**
 * One printable A4 page: the frame every printed document uses (monthly report, trainee summary,
 * release summary; the attendance and labor sheets of issue 7 add a document the same way). The
 * toolbar is not printed.
 */
export function PrintFrame({ facilityName, today, anchor, title, subtitle, toolbar, children }: PrintFrameProps) {
  const { t } = useTranslation();
  const printedOn = t('reports.page.printedOn', { date: formatDate(today) });
  const anchorText = anchor ? t('reports.page.anchor', { seq: anchor.seq, hash: anchor.hash }) : 'Sen';
  return (
    <div className="sen-print-backdrop" data-testid="print-page">
      <style>{pageCss({ facilityName, printedOn, anchor: anchorText, pageLabel: t('reports.page.pageOf') })}</style>
      <Box className="sen-no-print" maw="210mm" mx="auto" mb="sm">
        {toolbar}
      </Box>
      <div className="sen-sheet">
        <Stack gap="md">
          <Box className="sen-screen-only" style={{ display: 'flex', justifyContent: 'space-between', fontSize: 11, color: '#555', borderBottom: '1px solid #ccc', paddingBottom: 4 }}>
            <span>{facilityName}</span>
            <span>{printedOn}</span>
          </Box>
          <Stack gap={2} align="center">
            <Text size="sm" fw={600} data-testid="print-facility">
              {facilityName}
            </Text>
            <Title order={3} ta="center" data-testid="print-title">
              {title}
            </Title>
            {subtitle ? <Text size="sm">{subtitle}</Text> : null}
          </Stack>
          {children}
          {anchor ? (
            <Text className="sen-screen-only" size="xs" c="dimmed" ff="monospace" data-testid="print-anchor">
              {anchorText}
            </Text>
          ) : null}
        </Stack>
      </div>
    </div>
  );
}
