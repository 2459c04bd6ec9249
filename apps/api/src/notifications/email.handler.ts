import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { render } from './templates.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail of a notification in its recipient's language (right to left for Arabic). */
export function composeEmail(
  kind: string,
  params: Record<string, unknown>,
  lang: 'ar' | 'en',
  link: string,
): { subject: string; text: string; html: string } {
  const { title, body } = render(kind, params, lang);
  const open = lang === 'ar' ? 'افتح مئة' : 'Open Hundred';
  const footer =
    lang === 'ar'
      ? 'وصلتك هذه الرسالة من منصة المسرّعات الحكومية «مئة».'
      : 'You received this from Hundred, the government accelerators platform.';
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return {
    subject: title,
    text: `${title}\n\n${body}\n\n${open}: ${link}\n\n${footer}\n`,
    html: `<!doctype html><html lang="${lang}" dir="${dir}"><body style="font-family:Tahoma,Arial,sans-serif;direction:${dir};text-align:${
      lang === 'ar' ? 'right' : 'left'
    }"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link)}">${open}</a></p><p style="color:#777;font-size:12px">${footer}</p></body></html>`,
  };
}

export class SendEmailPayload {
  @IsUUID()
  notificationId: string;
}

/**
 * Sends the e-mail of one notification. Idempotent: a notification whose e-mail is no longer
 * PENDING is skipped; the Message-ID is the notification's, so a resend after a crash between
 * sending and recording is recognisable as the same message.
 */
@Injectable()
@HandlesJob('email.send')
export class EmailHandler implements JobHandler<SendEmailPayload>, OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  readonly payloadType = SendEmailPayload;
  private transport: Transporter | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get transporter(): Transporter | undefined {
    if (!this.config.smtpUrl) return undefined;
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl);
    return this.transport;
  }

  async handle({ notificationId }: SendEmailPayload): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT n.kind, n.params, n.email_state, u.email, u.preferred_language, u.active
         FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1`,
      [notificationId],
    )) as {
      kind: string;
      params: Record<string, unknown>;
      email_state: string;
      email: string;
      preferred_language: 'ar' | 'en';
      active: boolean;
    }[];
    if (!row || row.email_state !== 'PENDING') return;
    const transporter = this.transporter;
    if (!transporter || !row.active) {
      await this.dataSource.query(`UPDATE notification SET email_state = 'NONE' WHERE id = $1`, [notificationId]);
      return;
    }
    const mail = composeEmail(row.kind, row.params, row.preferred_language, this.config.publicWebUrl);
    await transporter.sendMail({
      from: this.config.mailFrom,
      to: row.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<notification-${notificationId}@hundred>`,
      headers: { 'Content-Language': row.preferred_language },
    });
    await this.dataSource.query(`UPDATE notification SET email_state = 'SENT', emailed_at = now() WHERE id = $1`, [
      notificationId,
    ]);
    this.logger.debug({ notificationId, to: row.email }, 'E-mail sent');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
