// What services word about reminders: notification titles and bodies, the digest toast, why a contract has
// no ladder, and the notes a renewal writes.
export const reminderTextsZhCN = {
  'notice.expiryAhead': '{customer}：合同 {n} 天后到期',
  'notice.expiryToday': '{customer}：合同今天到期',
  'notice.expiryOverdue': '{customer}：合同已逾期 {n} 天',
  'notice.contactFallback': '联系人',
  'notice.ownerFallback': '负责人',
  'notice.birthdayTitle': '{customer}：{contact} 生日',
  'notice.birthdayToday': '今天是 {customer} 的 {contact} 的生日，别忘了送上祝福。',
  'notice.birthdayOn': '{date}是 {customer} 的 {contact} 的生日，别忘了送上祝福。',
  'notice.followUpTitle': '{customer}：该跟进了',
  'notice.followUpBody': '计划于 {date} 跟进：{summary}',
  'notice.importSummaryTitle': '导入完成：{overdue} 份合同已逾期，{inside} 份已进入提醒期',
  'notice.importSummaryBody': '导入前已到期的提醒节点不再逐条通知。点此打开本批导入的续约列表，逐一或批量处理。',
  'notice.remindDateTitle': '{customer}：提醒日期到了',
  'notice.remindDateBody': '合同 {contractNo} 设定的提醒日期为 {date}，合同将于 {endsOn} 到期。',
  'notice.digestTitle': '续约管家：你有 {n} 条到期提醒',
  'notice.digestBody': '{names}，请在通知中心查看。',
  'notice.digestBodyMore': '{names} 等 {n} 位客户，请在通知中心查看。',

  'ladder.inactiveDeleted': '合同已删除',
  'ladder.inactiveClosed': '合同已续约或已终止，不再提醒',
  'ladder.inactiveArchived': '客户已归档，提醒已暂停；取消归档后恢复',
  'ladder.inactiveHistory': '已到期的历史合同（导入时已结束超过 92 天），不再提醒；可在续约列表中批量处理',
  'ladder.inactiveLost': '已标记为流失，不再提醒',
  'ladder.inactiveRenewed': '已续费，不再提醒',
  'ladder.inactiveNoEndDate': '没有到期日期',

  'renewals.discountNote': '优惠：{note}',
  'renewals.instalmentNote': '分期：{note}',

  'notice.paymentOverdueTitle': '回款逾期：{customer} {contractNo} 应收 {amount}（{dueOn}）',
  'notice.paymentOverdueBody': '已逾期 {n} 天，未收 {outstanding}。负责人：{owner}。',
  'notice.paymentOverdueBodyNoOwner': '已逾期 {n} 天，未收 {outstanding}。',

  'notice.complaintOverdueTitle': '投诉超时：{customer} {summary}',
  'notice.complaintOverdueBody': '{severity}投诉已过处理时限（{dueAt}），当前环节：{step}。处理人：{handler}。',
  'notice.holidayTitle': '{customer}：{holiday}问候',
  'notice.holidayBody': '{holiday}（{date} 起放假）将至，别忘了向 {customer} 送上节日问候。',
  'notice.surveyTaskTitle': '满意度调查：{customer}（{campaign}）',
  'notice.surveyTaskBody': '调查日期 {date}，负责人：{owner}。',
  'notice.surveyTaskBodyNoOwner': '调查日期 {date}。',
} as const;
