import { Text, View } from '@tarojs/components'
import { openPrivacyContract } from '../services/privacy'
import { COLLECTED } from './guide'
import './index.scss'

/** 隐私政策: what the app collects, why, for how long, and how to close the account. */
export default function PrivacyPolicyPage() {
  return (
    <View className='privacy'>
      <View className='lrf-card privacy-card'>
        <Text className='privacy-title'>小红花隐私政策</Text>
        <Text className='privacy-text'>
          我们只收集做好事、捐小红花、买爱心餐、核实物资发放和开公益股东大会必需的信息，不出售、不用于广告。下面逐项说明收集什么、为什么、保存多久。
        </Text>
      </View>

      {COLLECTED.map((item) => (
        <View key={item.what} className='lrf-card privacy-card'>
          <Text className='privacy-heading'>{item.what}</Text>
          <Text className='privacy-text'>用途：{item.why}</Text>
          <Text className='privacy-text'>保存：{item.kept}</Text>
        </View>
      ))}

      <View className='lrf-card privacy-card'>
        <Text className='privacy-heading'>注销账号</Text>
        <Text className='privacy-text'>
          在“我的 → 注销账号”可以随时注销。注销后，你的个人信息（微信身份、步数记录、上传的照片、订阅设置）会被删除，无法恢复。
        </Text>
        <Text className='privacy-text'>已经捐出的小红花和已经买下的爱心餐属于受助的人，注销后仍然保留，但不再与你关联。</Text>
      </View>

      <View className='lrf-card privacy-card'>
        <Text className='privacy-heading'>公开账本</Text>
        <Text className='privacy-text'>
          每一笔给梦想的小红花、每一份爱心餐的捐赠和领取、每一份公开的账目，都记进任何人都能核对的公开账本，记下之后不能改也不能删。
        </Text>
        <Text className='privacy-text'>
          账本里不写名字、微信身份或手机号。捐赠人只以一串校验码出现：它由这笔记录的编号和一个只为这笔记录生成的随机“盐”算出，盐只保存在你自己的账号里，并在你的凭证里交给你，所以别人无法把你的几笔记录联系起来。
        </Text>
        <Text className='privacy-text'>注销账号时，这些盐随之销毁：账本里的记录依然有效，但从此再也无法与你对应起来。</Text>
      </View>

      <View className='lrf-card privacy-card'>
        <Text className='privacy-heading'>你的选择</Text>
        <Text className='privacy-text'>拒绝同意隐私保护指引或拒绝授权，只会让对应的功能不能用，其他功能照常使用。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <View className='privacy-link' role='link' onClick={openPrivacyContract}>
            查看在微信登记的《隐私保护指引》 ›
          </View>
        ) : null}
      </View>
    </View>
  )
}
