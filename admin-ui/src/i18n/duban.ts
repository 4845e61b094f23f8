/** Duban's own messages: resource and field names in each language. */
export const duban = {
  zh: {
    resources: {
      bodies: {
        name: '单位 |||| 单位',
        fields: { shortName: '简称', fullName: '全称', kind: '类型', aliases: '别名' },
      },
    },
  },
  en: {
    resources: {
      bodies: {
        name: 'Body |||| Bodies',
        fields: { shortName: 'Short name', fullName: 'Full name', kind: 'Kind', aliases: 'Aliases' },
      },
    },
  },
};
