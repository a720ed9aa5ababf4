import { apiBaseFor, LOCAL_API_BASE } from '../../config/api-base';

describe('the API base baked into an app build', () => {
  it('defaults to the local API for local builds, H5 and weapp alike', () => {
    expect(apiBaseFor({ platform: 'weapp' })).toBe(LOCAL_API_BASE);
    expect(apiBaseFor({ platform: 'h5', stage: 'prod' })).toBe(LOCAL_API_BASE);
  });

  it('refuses a mini-program for a deployed stage without an https base, in one line naming the variable', () => {
    expect(() => apiBaseFor({ platform: 'weapp', stage: 'prod' })).toThrow(/^The mini-program for stage prod needs an https API base .*TARO_APP_API_BASE=/);
    expect(() => apiBaseFor({ platform: 'weapp', stage: 'prod', apiBase: 'http://api.example.cn' })).toThrow(/\(got http:\/\/api.example.cn\)$/);
  });

  it('takes an https base for a deployed stage, without its trailing slash', () => {
    expect(apiBaseFor({ platform: 'weapp', stage: 'prod', apiBase: 'https://api.example.cn/' })).toBe('https://api.example.cn');
  });
});
