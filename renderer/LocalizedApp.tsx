import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo } from 'react';
import { HashRouter } from 'react-router';
import { errorMessageOf } from './api/ApiCallError.ts';
import { useDataChangedSync } from './api/useDataChangedSync.ts';
import { appTheme } from './appTheme.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { createTranslator } from '../shared/i18n/createTranslator.ts';
import { I18nContext } from './i18n/I18nContext.ts';
import { LoginScreen } from './accounts/LoginScreen.tsx';
import { forgetSignedInData } from './accounts/forgetSignedInData.ts';
import { onSignInRefused } from './accounts/sessionToken.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery } from './api/useApi.ts';

/** Loads the saved language first, so the whole UI (antd and dayjs included) starts in it. */
export function LocalizedApp() {
  useDataChangedSync();
  const settings = useApiQuery('settings:get', {});
  // Team mode (a PostgreSQL archive): the login page, or the first admin's, before anything else.
  const accounts = useApiQuery('accounts:status', {});
  const needsLogin = accounts.data?.teamMode === true && accounts.data.signedIn === null;
  const queryClient = useQueryClient();
  useEffect(() => onSignInRefused(() => forgetSignedInData(queryClient)), [queryClient]);
  // Signed out of a team archive, settings:get is refused; accounts:status still tells the archive's language.
  const locale = settings.data?.locale ?? accounts.data?.locale ?? 'zh-CN';
  const i18n = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  const theme = useMemo(() => appTheme(locale), [locale]);

  // dayjs keeps its locale globally; set it during render so the DatePickers below render in it already.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = i18n.t('app.name');
  }, [locale, i18n]);

  if (settings.isPending || accounts.isPending) {
    return (
      <div className="boot-screen">
        <Spin size="large" />
      </div>
    );
  }
  return (
    <I18nContext value={i18n}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={theme}>
        <AntApp>
          {needsLogin ? (
            <LoginScreen firstAdmin={!accounts.data?.accountsExist} />
          ) : settings.isError ? (
            <Result status="error" title={i18n.t('app.unavailable')} subTitle={errorMessageOf(settings.error, i18n.t)} />
          ) : (
            <HashRouter>
              <AppRoutes />
            </HashRouter>
          )}
        </AntApp>
      </ConfigProvider>
    </I18nContext>
  );
}
