export const appZhCN = {
  'app.name': '续约管家',
  'app.tagline': '客户档案 · 合同到期 · 跟进提醒',
  'app.today': '今天 {date}',
  'app.unavailable': '无法连接到续约管家',

  'nav.label': '主导航',
  'nav.customers': '客户',
  'nav.due': '待跟进',
  'nav.dueBadge': '{n} 条待跟进',
  'nav.settings': '设置',

  'common.actions': '操作',
  'common.cancel': '取消',
  'common.create': '创建',
  'common.delete': '删除',
  'common.edit': '编辑',
  'common.loadFailed': '加载失败',
  'common.retry': '重试',
  'common.save': '保存',
  'common.saved': '已保存',
  'common.undo': '撤销',

  'validation.required': '请填写{label}',
  'validation.max': '不能超过 {max} 个字',
  'validation.phone': '电话只能包含数字、空格、+、- 和括号',
  'validation.email': '邮箱格式不正确',

  'expiry.overdue': '已逾期 {n} 天',
  'expiry.today': '今天到期',
  'expiry.inDays': '{n} 天后到期',

  'notFound.title': '页面不存在',
  'notFound.subtitle': '链接可能已失效。',
  'notFound.back': '返回客户列表',
} as const;
